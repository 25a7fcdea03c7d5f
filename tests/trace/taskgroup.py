# asy-only: golden --trace output (virtual clock). Expected output written by
# running asy, then reviewed line by line against the program's semantics.
# What it shows: a TaskGroup cancels the other tasks when one fails, and
# waits for them before raising the ExceptionGroup.
import asyncio


async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name + " failed")
    print("fetched", name)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("a", 0.1))
            tg.create_task(fetch("b", 0.2, fail=True))
            tg.create_task(fetch("c", 0.5))
    except ExceptionGroup as eg:
        print("caught", [str(e) for e in eg.exceptions])


asyncio.run(main())
