# asy-only: golden --trace output (virtual clock). Expected output written by
# running asy, then reviewed line by line against the program's semantics.
# What it shows: a task waiting on Queue.get() and a Lock, and the task whose
# step lets it go on.
import asyncio


async def producer(q):
    for i in range(2):
        await asyncio.sleep(0.1)
        await q.put(i)
    await q.put(None)


async def consumer(q, lock):
    while (item := await q.get()) is not None:
        async with lock:
            print("got", item)
            await asyncio.sleep(0.05)


async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    async with lock:
        c = asyncio.create_task(consumer(q, lock))
        p = asyncio.create_task(producer(q))
        await asyncio.sleep(0.15)
    await asyncio.gather(p, c)


asyncio.run(main())
