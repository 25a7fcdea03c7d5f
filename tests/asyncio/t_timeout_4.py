# timeout reschedule() and timeout_at(): extend a deadline from inside the block; nested timeouts, inner fires first
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.05) as cm:
        cm.reschedule(loop.time() + 0.2)
        await asyncio.sleep(0.1)
        print("survived thanks to reschedule")
    try:
        async with asyncio.timeout(0.25) as outer:
            try:
                async with asyncio.timeout_at(loop.time() + 0.05) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner expired:", inner.expired(), "outer expired:", outer.expired())
            await asyncio.sleep(0.01)
            print("outer body continues")
    except TimeoutError:
        print("not reached")
    print("done")

asyncio.run(main())
