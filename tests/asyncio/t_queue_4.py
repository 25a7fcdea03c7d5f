# a bounded queue makes the producer wait for the consumer: put() blocks while the queue is full
import asyncio

async def producer(q):
    for i in range(4):
        print("put", i, "(queue size before:", q.qsize(), ")")
        await q.put(i)
    await q.put(None)
    print("producer done")

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print("  got", item)
        await asyncio.sleep(0.01)

async def main():
    q = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
