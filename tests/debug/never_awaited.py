# asy-only: golden stderr under --debug (virtual clock), written by running
# asy and reviewed. Misconception 2: calling an async def without await only
# makes a coroutine object; debug mode says where it was made.
import asyncio


async def work():
    print("working")


async def main():
    work()
    await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
