# PriorityQueue returns the smallest item first (tuples compare element-wise); LifoQueue returns the newest first
import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(item)
    print([await pq.get() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])
    print(isinstance(pq, asyncio.Queue), isinstance(lq, asyncio.Queue))

asyncio.run(main())
