# coroutine objects: calling an async def runs nothing; send(None) drives it by hand; StopIteration carries the result
import asyncio

async def compute(x):
    print("compute body runs")
    return x * 2

c = compute(21)
print(type(c).__name__, asyncio.iscoroutine(c))
try:
    c.send(None)
except StopIteration as e:
    print("finished with", e.value)
c2 = compute(1)
c2.close()
print("closed without running")
async def nested():
    return await compute(5) + 1
n = nested()
try:
    n.send(None)
except StopIteration as e:
    print("nested result", e.value)
