# cancelling() counts pending cancel requests, uncancel() decrements it (Python 3.11 Task API)
import asyncio

async def body():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelling() inside:", me.cancelling())
        print("uncancel() ->", me.uncancel())
        print("cancelling() now:", me.cancelling())
    await asyncio.sleep(0.01)
    return "survived"

async def main():
    t = asyncio.create_task(body())
    print("before:", t.cancelling())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print("after two cancel() calls:", t.cancelling())
    print(await t, t.cancelled())

asyncio.run(main())
