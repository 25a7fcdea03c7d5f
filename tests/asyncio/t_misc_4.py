# the event loop does not run while a coroutine blocks with time.sleep: a ticker misses its turns
import asyncio
import time

async def ticker(log):
    for i in range(3):
        log.append(f"tick {i}")
        await asyncio.sleep(0.01)

async def blocker(log):
    log.append("blocking starts")
    time.sleep(0.05)
    log.append("blocking ends")

async def main():
    log = []
    await asyncio.gather(ticker(log), blocker(log))
    print(log)

asyncio.run(main())
