# two async generators consumed concurrently by two tasks interleave at their awaits
import asyncio

async def source(name, n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield f"{name}{i}"

async def drain(name, agen):
    async for item in agen:
        print(name, "got", item)

async def main():
    await asyncio.gather(drain("A", source("a", 2, 0.1)), drain("B", source("b", 2, 0.15)))

asyncio.run(main())
