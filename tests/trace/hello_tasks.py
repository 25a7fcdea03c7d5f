# asy-only: golden --trace output (virtual clock). Expected output written by
# running asy, then reviewed line by line against the program's semantics.
# What it shows: create_task queues a task; it starts when main awaits; two
# sleeps overlap; waking after a sleep takes two turns of the loop.
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    print("tasks created")
    await task1
    await task2
    print("finished")


asyncio.run(main())
