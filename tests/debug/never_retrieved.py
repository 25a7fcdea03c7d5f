# asy-only: golden stderr under --debug (virtual clock), written by running
# asy and reviewed. A task fails and nobody awaits it or asks for its
# exception: it is reported, as CPython does, when the collector finds the
# task dead or at exit (debug mode or not).
import asyncio


async def boom():
    raise ValueError("nobody is listening")


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
