# asy-only: timeline checks (virtual clock). Three sleepers under gather:
# one row per task, waits and steps, wake arrows from each child to main.
import asyncio


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    print(await asyncio.gather(sleeper("a", 1), sleeper("b", 2), sleeper("c", 0.5)))


asyncio.run(main())
