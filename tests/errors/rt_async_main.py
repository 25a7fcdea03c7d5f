# an exception in a coroutine run by asyncio.run propagates out of run: exit 1, the last frame is the coroutine
import asyncio

async def fetch(n):
    await asyncio.sleep(0)
    if n > 1:
        raise LookupError(f"record {n} not found")
    return n

async def main():
    print(await fetch(1))
    print(await fetch(2))

asyncio.run(main())
