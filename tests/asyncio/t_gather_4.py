# cancelling the future returned by gather cancels its children; awaiting it raises CancelledError
import asyncio

async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    a = asyncio.create_task(child("a"))
    b = asyncio.create_task(child("b"))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.01)
    print("cancel returns", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    print(a.cancelled(), b.cancelled(), g.cancelled())

asyncio.run(main())
