# asy-only: timeline checks (virtual clock). What achieved concurrency
# counts: three tasks taking turns on a Lock around sleep(0.1) are 0.3 s of
# sleeps in 0.3 s (queueing for the lock is not counted); then a blocking
# time.sleep(0.2) (counted: it runs) stretches the first sleeper's
# sleep(0.1) to 0.2 s (counts 0.1 s) and keeps the second one ready for
# 0.2 s (not counted) before its sleep(0.1). Own time 0.3 + 0.2 + 0.1 + 0.1
# = 0.7 s in 0.6 s of wall time: 1.17× (the old "lifetimes" sum said 2.00×).
import asyncio
import time


async def turn(lock, name):
    async with lock:
        await asyncio.sleep(0.1)
    return name


async def blocker():
    time.sleep(0.2)


async def sleeper():
    await asyncio.sleep(0.1)


async def main():
    lock = asyncio.Lock()
    print(await asyncio.gather(*(turn(lock, n) for n in "abc")))
    await asyncio.gather(sleeper(), blocker(), sleeper())


asyncio.run(main())
