# Producer/consumer: n items through asyncio.Queue(maxsize=1), so the two tasks
# block on each other for every item (a put and a get each wake the other).
import asyncio
import sys


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(-1)


async def consumer(q):
    total = 0
    count = 0
    while True:
        item = await q.get()
        if item < 0:
            return count, total
        count += 1
        total += item


async def main(n):
    q = asyncio.Queue(maxsize=1)
    p = asyncio.create_task(producer(q, n))
    count, total = await consumer(q)
    await p
    print(count, total)


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000))
