# TaskGroup collects every failure: a sibling whose cleanup raises during cancellation adds its error after the first
import asyncio

async def fail_first():
    await asyncio.sleep(0.05)
    raise KeyError("first failure")

async def bad_cleanup():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sibling cancelled; its cleanup fails")
        raise RuntimeError("cleanup failed")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_first())
            tg.create_task(bad_cleanup())
    except ExceptionGroup as eg:
        print(eg.message, len(eg.exceptions))
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)

asyncio.run(main())
