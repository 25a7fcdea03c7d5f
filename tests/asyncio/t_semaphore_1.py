# Semaphore(2) limits concurrency to two: the maximum number of workers inside at once is recorded
import asyncio

active = 0
peak = 0

async def worker(i, sem):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"worker {i} in")
        await asyncio.sleep(0.05)
        active -= 1
    return i

async def main():
    sem = asyncio.Semaphore(2)
    print(await asyncio.gather(*(worker(i, sem) for i in range(5))))
    print("peak concurrency:", peak, "locked now:", sem.locked())

asyncio.run(main())
