# wait_for propagates the inner exception, and a task can be given directly; timeout <= 0 on a pending task times out at once
import asyncio

async def bad():
    await asyncio.sleep(0.01)
    raise ValueError("inner failure")

async def long():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("long cancelled")
        raise

async def main():
    try:
        await asyncio.wait_for(bad(), timeout=1)
    except ValueError as e:
        print("ValueError:", e)
    t = asyncio.create_task(long())
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(t, timeout=0)
    except TimeoutError:
        print("timed out immediately; task cancelled:", t.cancelled())

asyncio.run(main())
