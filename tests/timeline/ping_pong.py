# asy-only: timeline checks (virtual clock). No time passes at all: every
# step runs at t=0, and the text chart says so.
import asyncio


async def player(name, n):
    for _ in range(n):
        await asyncio.sleep(0)
    return name


async def main():
    print(await asyncio.gather(player("ping", 3), player("pong", 3)))


asyncio.run(main())
