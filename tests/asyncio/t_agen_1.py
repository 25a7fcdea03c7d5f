# async generators: async for drives them, await inside the generator, values produced lazily, type names
import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        print("  producing", i)
        yield i

async def main():
    gen = ticker(3, 0.01)
    print(type(gen).__name__)
    async for v in gen:
        print("consumed", v)
    total = 0
    async for v in ticker(4, 0):
        total += v
    print("total", total)

asyncio.run(main())
