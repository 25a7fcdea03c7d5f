# set_result queues the waiting task's wake-up at once: it runs before a call_soon made right after, but not before main yields
import asyncio

async def waiter(fut):
    await fut
    print("waiter resumed")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.set_result(None)
    loop.call_soon(print, "call_soon after set_result")
    print("main still running")
    await asyncio.sleep(0)
    print("main after one yield")
    await asyncio.sleep(0)

asyncio.run(main())
