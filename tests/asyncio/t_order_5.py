# a CPU-bound coroutine that never awaits starves the others until it finishes; sleep(0) in its loop lets them in
import asyncio

async def hog(yield_every):
    for i in range(6):
        if yield_every and i % yield_every == 0:
            await asyncio.sleep(0)
        print("hog", i)

async def polite():
    for i in range(3):
        print("  polite", i)
        await asyncio.sleep(0)

async def main():
    print("-- without yielding")
    await asyncio.gather(hog(0), polite())
    print("-- yielding every 2 steps")
    await asyncio.gather(hog(2), polite())

asyncio.run(main())
