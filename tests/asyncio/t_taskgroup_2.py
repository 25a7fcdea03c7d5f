# TaskGroup failure: a failing task cancels its sibling, the block raises ExceptionGroup, caught with except ExceptionGroup
import asyncio

async def fail():
    await asyncio.sleep(0.05)
    raise ValueError("task failed")

async def sibling():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sibling cancelled by the group")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            tg.create_task(sibling())
        print("not reached")
    except ExceptionGroup as eg:
        print("caught:", eg)
        print([type(e).__name__ + ": " + str(e) for e in eg.exceptions])
        print(eg.subgroup(ValueError) is not None, eg.subgroup(KeyError))

asyncio.run(main())
