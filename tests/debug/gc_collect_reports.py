# asy-only: golden stderr without debug mode (virtual clock), the same text
# python3 prints. gc.collect() runs the collector at once: what dies there is
# reported there (CPython frees most objects even sooner, by refcounting).
import asyncio
import gc


async def work():
    return 1


async def boom():
    raise ValueError("dropped")


async def main():
    work()  # never awaited
    print("collected something:", gc.collect() > 0)
    asyncio.ensure_future(boom())
    await asyncio.sleep(0)
    print("collected:", gc.collect() >= 0)
    print("enabled:", gc.isenabled())
    gc.disable()
    print("enabled:", gc.isenabled())
    gc.enable()
    print("main done")


asyncio.run(main())
