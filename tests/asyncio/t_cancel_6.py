# cancellation travels through a chain of awaited coroutines: innermost finally first, outward
import asyncio

async def level3():
    try:
        await asyncio.sleep(1)
    finally:
        print("level3 finally")

async def level2():
    try:
        await level3()
    finally:
        print("level2 finally")

async def level1():
    try:
        await level2()
    except asyncio.CancelledError:
        print("level1 sees CancelledError")
        raise

async def main():
    t = asyncio.create_task(level1())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("task cancelled:", t.cancelled())

asyncio.run(main())
