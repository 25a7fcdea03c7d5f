# a heartbeat task runs in the background while main works; main stops it with cancel and collects its beat count
import asyncio

async def heartbeat(state):
    try:
        while True:
            state["beats"] += 1
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        state["stopped"] = True
        raise

async def main():
    state = {"beats": 0, "stopped": False}
    hb = asyncio.create_task(heartbeat(state))
    await asyncio.sleep(0.25)
    hb.cancel()
    try:
        await hb
    except asyncio.CancelledError:
        pass
    print(state)

asyncio.run(main())
