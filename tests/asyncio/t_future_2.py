# Future exceptions and cancellation: set_exception, exception(), cancel(msg), awaiting raises
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(KeyError("missing"))
    print(f.done(), repr(f.exception()))
    try:
        await f
    except KeyError as e:
        print("await raised KeyError", e)
    g = loop.create_future()
    print(g.cancel(), g.cancelled(), g.done(), g.cancel())
    try:
        g.result()
    except asyncio.CancelledError:
        print("result() of cancelled future raises CancelledError")
    try:
        g.exception()
    except asyncio.CancelledError:
        print("exception() of cancelled future raises CancelledError")
    h = loop.create_future()
    h.cancel("with a reason")
    try:
        await h
    except asyncio.CancelledError as e:
        print("CancelledError args:", e.args)
    try:
        loop.create_future().set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
