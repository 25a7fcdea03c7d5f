# sleep(delay, result=...) returns its result; sleeps of different lengths interleave by deadline
import asyncio

async def ticker(name, period, n):
    for i in range(n):
        await asyncio.sleep(period)
        print(f"{name} tick {i}")

async def main():
    print(await asyncio.sleep(0.01, result="slept"), await asyncio.sleep(0))
    await asyncio.gather(ticker("fast", 0.1, 2), ticker("slow", 0.15, 1))

asyncio.run(main())
