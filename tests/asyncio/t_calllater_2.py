# TimerHandle: cancel() before firing, cancelled(), when() relative to loop.time(); cancelling after firing is harmless
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fired = []
    h1 = loop.call_later(0.05, fired.append, "h1")
    h2 = loop.call_later(0.1, fired.append, "h2")
    print(h1.cancelled(), h1.when() - loop.time() <= 0.05, h2.when() > h1.when())
    h2.cancel()
    print(h2.cancelled())
    await asyncio.sleep(0.15)
    print(fired)
    h1.cancel()
    print(h1.cancelled(), fired)

asyncio.run(main())
