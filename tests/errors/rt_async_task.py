# an exception inside a task, awaited by main: re-raised in main, exit 1, traceback ends in the task's coroutine
import asyncio

async def worker():
    await asyncio.sleep(0.01)
    raise ValueError("worker crashed")

async def main():
    t = asyncio.create_task(worker())
    print("waiting for worker")
    await t

asyncio.run(main())
