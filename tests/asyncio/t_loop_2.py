# a hand-made loop: new_event_loop, set_event_loop, run_until_complete with coroutines and futures, close
import asyncio

async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(add(1, 2)))
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, "future value")
print(loop.run_until_complete(fut))
task = loop.create_task(add(10, 20))
print(loop.run_until_complete(task), task.done())
print(asyncio.get_event_loop() is loop)
loop.close()
print(loop.is_closed())
c = add(0, 0)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
asyncio.set_event_loop(None)
