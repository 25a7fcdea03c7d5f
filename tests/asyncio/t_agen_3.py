# async comprehensions: [x async for ...], with conditions, await inside comprehensions, async dict/set comprehensions
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(10) if x % 3 == 0])
    print([await double(x) for x in range(4)])
    print({x: await double(x) async for x in numbers(3)})
    print(sorted({x % 2 async for x in numbers(5)}))

asyncio.run(main())
