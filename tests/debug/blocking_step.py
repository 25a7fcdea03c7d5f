# asy-only: golden stderr under --debug (virtual clock), written by running
# asy and reviewed. A step that blocks the loop for 0.3 s: CPython's
# "Executing ... took" line, then the call where the time went (inside a
# helper, so the compile-time lint does not see it).
import asyncio
import time


def load_config():
    time.sleep(0.3)
    return {"ok": True}


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.1)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    config = load_config()
    print("config", config)
    await t


asyncio.run(main())
