# Lock: mutual exclusion around an await; waiters acquire in FIFO order; locked() reflects the state
import asyncio

async def worker(name, lock, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0.01)
        log.append(f"{name} out")

async def main():
    lock = asyncio.Lock()
    log = []
    print(lock.locked())
    await asyncio.gather(*(worker(n, lock, log) for n in "ABCD"))
    print(log)
    print(lock.locked())

asyncio.run(main())
