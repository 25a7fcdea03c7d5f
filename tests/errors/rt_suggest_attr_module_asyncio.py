# AttributeError on the asyncio module, inside a coroutine run by asyncio.run
import asyncio

async def main():
    print("start")
    await asyncio.sleeep(0.01)

asyncio.run(main())
