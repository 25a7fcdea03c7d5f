# exceptions in tasks: awaiting re-raises, the traceback location is the task's, exception() returns it without raising
import asyncio

class Boom(Exception):
    pass

async def explode(n):
    await asyncio.sleep(0.01 * n)
    raise Boom(f"boom {n}")

async def main():
    t1 = asyncio.create_task(explode(1))
    t2 = asyncio.create_task(explode(2))
    try:
        await t1
    except Boom as e:
        print("caught", e)
    await asyncio.sleep(0.08)
    print(t2.done(), type(t2.exception()).__name__, t2.exception())
    try:
        await t2
    except Boom as e:
        print("awaiting a failed task raises again:", e)

asyncio.run(main())
