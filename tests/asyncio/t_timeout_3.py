# asyncio.timeout(): the body sees CancelledError, the block raises TimeoutError; expired(); no timeout when fast enough
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body got CancelledError")
                raise
    except TimeoutError:
        print("TimeoutError outside the block, expired =", cm.expired())
    async with asyncio.timeout(0.2) as cm2:
        await asyncio.sleep(0.01)
    print("fast body, expired =", cm2.expired())
    async with asyncio.timeout(None) as cm3:
        await asyncio.sleep(0)
    print("no deadline:", cm3.when(), cm3.expired())

asyncio.run(main())
