# sequential awaits add up, concurrent tasks overlap: measured with loop.time() and compared loosely
import asyncio

async def pause(d):
    await asyncio.sleep(d)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await pause(0.05)
    await pause(0.05)
    seq = loop.time() - t0
    t0 = loop.time()
    await asyncio.gather(pause(0.1), pause(0.1), pause(0.1))
    conc = loop.time() - t0
    print("sequential >= 0.1:", seq >= 0.099, "concurrent < 0.2:", conc < 0.2, "concurrent >= 0.1:", conc >= 0.099)

asyncio.run(main())
