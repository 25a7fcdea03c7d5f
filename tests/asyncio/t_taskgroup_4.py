# an exception in the body of async with TaskGroup cancels the running children and is re-raised in an ExceptionGroup
import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    finally:
        print("child finally")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.01)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        print("ExceptionGroup:", [str(e) for e in eg.exceptions])
    async with asyncio.TaskGroup() as tg:
        pass
    print("an empty group is fine")

asyncio.run(main())
