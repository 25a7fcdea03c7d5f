# Queue basics: FIFO, qsize/empty/full, maxsize, put_nowait/get_nowait and QueueFull/QueueEmpty
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.qsize(), q.maxsize)
    await q.put("a")
    q.put_nowait("b")
    print(q.full(), q.qsize())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull raised")
    print(await q.get(), q.get_nowait(), q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised")
    unbounded = asyncio.Queue()
    for i in range(5):
        unbounded.put_nowait(i)
    print(unbounded.full(), unbounded.qsize(), [unbounded.get_nowait() for _ in range(5)])

asyncio.run(main())
