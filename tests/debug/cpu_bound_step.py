# asy-only: golden stderr under asyncio.run(debug=True) without --debug
# (virtual clock), written by running asy and reviewed. Misconception 10: a
# coroutine that never awaits starves the others; no single call is slow.
import asyncio
import time


async def crunch():
    total = 0
    for i in range(30):
        total += i
        time.sleep(0.01)  # stands for 10 ms of computing
    print("crunched", total)


async def other():
    print("other ran")


async def main():
    await asyncio.gather(crunch(), other())


asyncio.run(main(), debug=True)
