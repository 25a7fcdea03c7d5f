# gather keeps its children in order whether the arguments are all futures
# (its argument tuple is reused) or a mix of tasks and coroutines (a list).
import asyncio


async def val(x):
    await asyncio.sleep(0)
    return x


async def main():
    t1 = asyncio.create_task(val(1))
    t2 = asyncio.create_task(val(2))
    print(await asyncio.gather(t1, t2))
    t3 = asyncio.create_task(val(3))
    print(await asyncio.gather(t3, val(4), asyncio.create_task(val(5)), val(6)))
    print(await asyncio.gather(val(7), t3))
    g = asyncio.gather(asyncio.create_task(val(8)), asyncio.create_task(asyncio.sleep(10)))
    await asyncio.sleep(0)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("cancelled")
    print(await asyncio.gather(*[asyncio.create_task(val(i)) for i in range(5)]))


asyncio.run(main())
