# a coroutine doing cleanup awaits inside its except/finally after cancellation; the cleanup completes
import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cleanup starting")
        await asyncio.sleep(0.05)
        print("cleanup finished")
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("worker fully cancelled after cleanup")

asyncio.run(main())
