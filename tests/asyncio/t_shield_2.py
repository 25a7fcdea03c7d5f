# shield of a finished awaitable returns its result directly; an exception inside a shielded task reaches the awaiter
import asyncio

async def fails():
    await asyncio.sleep(0.01)
    raise KeyError("inside shield")

async def value():
    return "v"

async def main():
    print(await asyncio.shield(value()))
    try:
        await asyncio.shield(fails())
    except KeyError as e:
        print("KeyError:", e)
    t = asyncio.create_task(value())
    await t
    print(await asyncio.shield(t))

asyncio.run(main())
