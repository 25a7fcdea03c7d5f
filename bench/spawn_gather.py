# Task creation: n tasks created with create_task, each returning at once, and
# collected with gather. Measures the whole life of a short task.
import asyncio
import sys


async def job(i):
    return i * 2


async def main(n):
    tasks = [asyncio.create_task(job(i)) for i in range(n)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results))


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
