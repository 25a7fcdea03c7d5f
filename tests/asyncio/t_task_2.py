# Task state queries: done/cancelled/result/exception before and after completion, InvalidStateError messages
import asyncio

async def ok():
    await asyncio.sleep(0)
    return 42

async def bad():
    await asyncio.sleep(0)
    raise ValueError("bad task")

async def main():
    t = asyncio.create_task(ok())
    print(t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await t
    print(t.done(), t.cancelled(), t.result(), t.exception())
    b = asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print(b.done(), repr(b.exception()))
    try:
        b.result()
    except ValueError as e:
        print("result() re-raises:", e)

asyncio.run(main())
