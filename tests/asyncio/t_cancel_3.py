# a task that catches CancelledError and returns normally is not cancelled; its result is what it returned
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("swallowing the cancellation")
        return "returned anyway"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    r = await t
    print(r, t.cancelled(), t.done())

asyncio.run(main())
