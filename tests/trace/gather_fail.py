# asy-only: golden --trace output (virtual clock). Expected output written by
# running asy, then reviewed line by line against the program's semantics.
# What it shows: gather wraps coroutines in tasks; a child that raises; the
# gather future wakes main through its done-callbacks.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    if name == "b":
        raise ValueError("b is broken")
    return name.upper()


async def main():
    results = await asyncio.gather(fetch("a", 0.1), fetch("b", 0.2), return_exceptions=True)
    print(results)


asyncio.run(main())
