# Future basics: pending, set_result wakes the awaiter one iteration later, double set raises InvalidStateError
import asyncio

async def waiter(fut):
    print("waiter awaiting")
    v = await fut
    print("waiter got", v)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut.cancelled())
    w = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.set_result("hello")
    print("result set; waiter has not resumed yet:", w.done(), fut.done(), fut.result())
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await w
    f2 = asyncio.Future()
    print(f2.done(), isinstance(f2, asyncio.Future))
    f2.set_result(None)
    print(await f2)

asyncio.run(main())
