# asy-only: golden --trace output (virtual clock). Expected output written by
# running asy, then reviewed line by line against the program's semantics.
# What it shows: call_soon and call_later callbacks, a Future completed by a
# callback, and asyncio.timeout() cancelling the task at its deadline.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(print, "soon")
    loop.call_later(0.2, fut.set_result, 42)
    print("result", await fut)
    try:
        async with asyncio.timeout(0.3):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
