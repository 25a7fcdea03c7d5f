# awaiting a non-awaitable inside a coroutine is a TypeError at run time
import asyncio

async def main():
    delay = 1
    print("about to await an int")
    await delay

asyncio.run(main())
