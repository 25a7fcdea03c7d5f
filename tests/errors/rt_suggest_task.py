# NameError inside a task: the traceback asyncio.run lets out still suggests
import asyncio

async def worker(delay):
    await asyncio.sleep(delay)
    return dealy * 2

async def main():
    task = asyncio.create_task(worker(0.01))
    print(await task)

asyncio.run(main())
