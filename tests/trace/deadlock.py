# asy-only: golden --trace output (virtual clock). Expected output written by
# running asy, then reviewed line by line against the program's semantics.
# What it shows: a task waits on a Future nothing will complete; asy's
# deadlock report, then asyncio.run() cancelling what is left.
import asyncio


async def waiter(fut):
    print("waiting for the future")
    return await fut


async def main():
    fut = asyncio.get_running_loop().create_future()
    await asyncio.create_task(waiter(fut))


asyncio.run(main())
