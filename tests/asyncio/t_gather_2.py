# gather(return_exceptions=True): exceptions are returned in place of results, nothing is raised
import asyncio

async def ok(v):
    await asyncio.sleep(0.01)
    return v

async def fail(exc):
    await asyncio.sleep(0.02)
    raise exc

async def main():
    res = await asyncio.gather(ok(1), fail(ValueError("v")), ok(3), fail(KeyError("k")), return_exceptions=True)
    for r in res:
        print(type(r).__name__, r)
    print([isinstance(r, Exception) for r in res])

asyncio.run(main())
