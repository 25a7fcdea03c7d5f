# Lock acquire/release by hand, releasing an unlocked lock raises RuntimeError, a waiter gets the lock after release
import asyncio

async def waiter(lock):
    print("waiter: trying to acquire")
    await lock.acquire()
    print("waiter: acquired")
    lock.release()

async def main():
    lock = asyncio.Lock()
    print(await lock.acquire(), lock.locked())
    w = asyncio.create_task(waiter(lock))
    await asyncio.sleep(0.01)
    print("main: releasing")
    lock.release()
    await w
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
