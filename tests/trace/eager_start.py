# asy-only: golden --trace output under --sched=eager (virtual clock).
# Expected output written by running asy, then reviewed line by line.
# What it shows: with eager task start (Python 3.12's eager_task_factory) a
# task runs its first step inside create_task, before create_task returns.
import asyncio


async def child(name):
    print("child", name, "starts")
    await asyncio.sleep(0)
    print("child", name, "ends")


async def main():
    t1 = asyncio.create_task(child("A"))
    print("created A")
    t2 = asyncio.create_task(child("B"))
    print("created B")
    await t1
    await t2


asyncio.run(main())
