# wait(FIRST_EXCEPTION): returns when a task raises; with no exception it waits for all; exceptions are not raised
import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(f"bad after {d}")

async def main():
    ts = [asyncio.create_task(ok(0.2)), asyncio.create_task(bad(0.1)), asyncio.create_task(ok(0.01))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), sorted(str(t.exception()) for t in done))
    pending.pop().cancel()
    ts2 = [asyncio.create_task(ok(0.01)), asyncio.create_task(ok(0.02))]
    done, pending = await asyncio.wait(ts2, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), sorted(t.result() for t in done))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
