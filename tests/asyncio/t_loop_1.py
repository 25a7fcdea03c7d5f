# event loop objects: get_running_loop inside tasks is the same loop, is_running/is_closed, time() is monotonic
import asyncio

async def inner():
    return asyncio.get_running_loop()

async def main():
    loop = asyncio.get_running_loop()
    print(loop is await inner(), loop is await asyncio.create_task(inner()), loop.is_running(), loop.is_closed())
    t1 = loop.time()
    await asyncio.sleep(0.01)
    print(loop.time() > t1, type(loop.time()).__name__)
    return loop

loop = asyncio.run(main())
print(loop.is_running(), loop.is_closed())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
