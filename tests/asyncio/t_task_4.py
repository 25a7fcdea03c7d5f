# add_done_callback: called with the future, scheduled with call_soon after completion, in registration order
import asyncio

async def work():
    print("work runs")
    await asyncio.sleep(0)
    print("work returns")
    return "result"

async def main():
    t = asyncio.create_task(work(), name="w")
    t.add_done_callback(lambda f: print("callback 1:", f.get_name(), f.result()))
    t.add_done_callback(lambda f: print("callback 2:", f.done()))
    r = await t
    print("main resumed with", r)
    await asyncio.sleep(0)
    print("late callback on a done task:")
    t.add_done_callback(lambda f: print("callback 3 (scheduled soon)"))
    print("after add_done_callback")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
