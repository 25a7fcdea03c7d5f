# asy-only: timeline checks (virtual clock). Waits on a Lock and a Queue,
# a cancellation, a failure, and a task still pending at exit.
import asyncio


async def holder(lock):
    async with lock:
        await asyncio.sleep(0.3)
    await asyncio.sleep(1)


async def taker(lock, q):
    async with lock:
        return await q.get()


async def fails():
    await asyncio.sleep(0.1)
    raise RuntimeError("boom")


async def main():
    lock, q = asyncio.Lock(), asyncio.Queue()
    h = asyncio.create_task(holder(lock))
    t = asyncio.create_task(taker(lock, q))
    f = asyncio.create_task(fails())
    await asyncio.sleep(0.4)
    q.put_nowait("item")
    print(await t)
    h.cancel()
    try:
        await f
    except RuntimeError as e:
        print("failed:", e)


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.create_task(asyncio.sleep(5))
loop.run_until_complete(asyncio.sleep(0.2))
