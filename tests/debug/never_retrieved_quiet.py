# asy-only: golden stderr without debug mode (virtual clock), checked against
# python3 (same text; CPython prints the absolute path asy also prints).
# Without debug mode too, a task or future whose exception nobody retrieved
# is reported (CPython: when the object is freed; asy: when the collector
# finds it dead, or at exit). Retrieved ones are not.
import asyncio

keep = []


async def fails(n):
    await asyncio.sleep(0.1 * n)
    raise ValueError(f"lost {n}")


async def main():
    loop = asyncio.get_running_loop()
    keep.append(asyncio.create_task(fails(1)))
    later = asyncio.create_task(fails(2))
    asked = asyncio.create_task(fails(3))
    await asyncio.sleep(1)
    try:
        await later
    except ValueError as e:
        print("awaited later:", e)
    print("asked:", repr(asked.exception()))
    r = await asyncio.gather(fails(0), return_exceptions=True)
    print("gathered:", r)
    print("main done")


asyncio.run(main())
print("after run")
