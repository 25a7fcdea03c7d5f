# Condition.wait releases the lock while waiting and re-acquires it before returning; locked() seen from both sides
import asyncio

async def waiter(cond):
    async with cond:
        print("waiter holds lock:", cond.locked())
        await cond.wait()
        print("waiter resumed, holds lock again:", cond.locked())

async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0.01)
    print("while waiter waits, lock is free:", not cond.locked())
    async with cond:
        cond.notify()
        print("notified while holding the lock")
    await t

asyncio.run(main())
