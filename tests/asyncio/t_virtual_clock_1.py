# asy-only: under --clock=virtual time jumps to the next deadline, so a 30 s sleep returns at once
# (the runner's 10 s limit would stop it otherwise) and loop.time() has advanced by exactly 30 s.
# Expected output written by hand; NAME.py.flags pins the clock for both runs of --both-clocks.
import asyncio

async def sleeper(name, d):
    await asyncio.sleep(d)
    print(name, "woke")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(sleeper("long", 30), sleeper("short", 10))
    print("loop time advanced:", round(loop.time() - t0, 6))

asyncio.run(main())
