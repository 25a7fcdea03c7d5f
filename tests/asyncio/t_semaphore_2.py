# Semaphore counting by hand, locked() at zero; BoundedSemaphore refuses to go above its initial value
import asyncio

async def main():
    s = asyncio.Semaphore(1)
    print(await s.acquire(), s.locked())
    s.release()
    s.release()
    print("plain Semaphore may exceed its start value:", s.locked())
    await s.acquire()
    await s.acquire()
    print(s.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
