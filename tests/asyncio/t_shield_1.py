# shield: cancelling the outer await does not cancel the shielded task, which completes; its result can still be awaited
import asyncio

async def important():
    await asyncio.sleep(0.1)
    print("important work finished")
    return "saved"

async def caller(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("caller cancelled, inner still running:", not t.done())
        raise

async def main():
    inner = asyncio.create_task(important())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.05)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled:", c.cancelled())
    print("inner result:", await inner)

asyncio.run(main())
