# call_soon: FIFO order, arguments passed through, callbacks scheduled by callbacks run in a later iteration
import asyncio

def cb(tag, loop):
    print("cb", tag)
    if tag == "first":
        loop.call_soon(cb, "scheduled by first", loop)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "first", loop)
    loop.call_soon(cb, "second", loop)
    h = loop.call_soon(cb, "cancelled", loop)
    h.cancel()
    loop.call_soon(cb, "third", loop)
    print("main before yield")
    await asyncio.sleep(0)
    print("main after one yield")
    await asyncio.sleep(0)
    print("main after two yields")

asyncio.run(main())
