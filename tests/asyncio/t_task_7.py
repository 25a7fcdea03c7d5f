# ensure_future: wraps a coroutine in a Task, returns a Task/Future unchanged; iscoroutine/iscoroutinefunction
import asyncio

async def coro():
    return "done"

def plain():
    return 1

async def main():
    c = coro()
    print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(coro), asyncio.iscoroutinefunction(plain))
    t = asyncio.ensure_future(c)
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    print(asyncio.ensure_future(t) is t)
    f = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(f) is f, isinstance(f, asyncio.Task))
    f.set_result("f")
    print(await t, await f, asyncio.iscoroutine(plain()), asyncio.iscoroutine(t))
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
