# gather without return_exceptions: the first exception propagates to the awaiter, the other children keep running
import asyncio

async def fail_soon():
    await asyncio.sleep(0.05)
    raise RuntimeError("first failure")

async def finish_later(name, d):
    await asyncio.sleep(d)
    print(name, "finished anyway")
    return name

async def main():
    later = asyncio.create_task(finish_later("task-later", 0.15))
    try:
        await asyncio.gather(fail_soon(), finish_later("coro-later", 0.1), later)
    except RuntimeError as e:
        print("gather raised:", e)
    print("later done?", later.done())
    await asyncio.sleep(0.15)
    print("later done?", later.done(), later.result())

asyncio.run(main())
