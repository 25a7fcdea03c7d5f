# awaiting a task twice returns the same result; awaiting a finished task or future does not suspend
import asyncio

async def value():
    await asyncio.sleep(0.01)
    return [1, 2]

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(value())
    first = await t
    tick = asyncio.create_task(ticker())
    second = await t
    print("awaited twice:", first, second, first is second)
    print("no suspension yet, ticker has not run")
    await asyncio.sleep(0)
    print("after a real yield")
    await tick

asyncio.run(main())
