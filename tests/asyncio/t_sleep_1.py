# sleep(0) yields to every other ready task once: three workers interleave round-robin
import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    print(name, "done")

async def main():
    await asyncio.gather(worker("A", 3), worker("B", 2), worker("C", 3))

asyncio.run(main())
