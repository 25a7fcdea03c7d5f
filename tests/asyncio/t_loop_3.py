# run_in_executor and call_soon_threadsafe: blocking work in a thread, result delivered back to the loop
import asyncio
import time

def blocking(n):
    time.sleep(0.05)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, blocking, 7)
    print("executor result", r)
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(4)))
    print(results)
    fut = loop.create_future()
    def from_thread():
        loop.call_soon_threadsafe(fut.set_result, "set from another thread")
    await loop.run_in_executor(None, from_thread)
    print(await fut)

asyncio.run(main())
