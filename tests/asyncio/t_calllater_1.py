# call_later(0) goes through the timer heap: a call_soon made after it still runs first; timers fire by deadline, not registration
import asyncio

def cb(tag):
    print("cb", tag)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, cb, "later(0)")
    loop.call_soon(cb, "soon")
    now = loop.time()
    loop.call_at(now + 0.1, cb, "at +0.1 (registered first)")
    loop.call_later(0.05, cb, "later 0.05")
    loop.call_at(now + 0.15, cb, "at +0.15")
    print("main before first yield")
    await asyncio.sleep(0.2)
    print("done")

asyncio.run(main())
