# Task switches: two tasks each await asyncio.sleep(0) n times, so every await
# yields to the loop and the other task runs. 2*n switches in all.
import asyncio
import sys


async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def main(n):
    a = asyncio.create_task(worker(n))
    b = asyncio.create_task(worker(n))
    print(await a + await b)


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500_000))
