# cancelling a sleeping task: CancelledError arrives at the await, finally runs, the task ends cancelled
import asyncio

async def sleeper():
    try:
        print("sleeper: going to sleep")
        await asyncio.sleep(1)
        print("never printed")
    except asyncio.CancelledError:
        print("sleeper: got CancelledError at the await")
        raise
    finally:
        print("sleeper: finally")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print("cancel() returned", t.cancel())
    print("right after cancel: done =", t.done(), "cancelled =", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print("done =", t.done(), "cancelled =", t.cancelled())
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
