# asy-only: golden --trace output (virtual clock). Expected output written by
# running asy, then reviewed line by line against the program's semantics.
# What it shows: who cancels whom, the await where CancelledError lands, a
# finally block that awaits, and a task that swallows its cancellation.
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker: cleaning up")
        await asyncio.sleep(0.1)
        print("worker: clean")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancellation")
    return "still here"


async def main():
    w = asyncio.create_task(worker())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    w.cancel()
    s.cancel()
    for t in (w, s):
        try:
            print(await t)
        except asyncio.CancelledError:
            print("main: worker was cancelled")


asyncio.run(main())
