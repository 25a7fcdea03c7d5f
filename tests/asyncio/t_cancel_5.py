# a task cancelled before its first step never runs its body; cancelling a finished task returns False
import asyncio

async def never():
    print("never printed")

async def quick():
    return 1

async def main():
    t = asyncio.create_task(never())
    print(t.cancel())
    await asyncio.sleep(0)
    print(t.cancelled(), t.done())
    q = asyncio.create_task(quick())
    await q
    print(q.cancel(), q.cancelled(), q.result())

asyncio.run(main())
