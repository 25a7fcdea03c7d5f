# wait_for with a timeout: the inner task is cancelled (its finally runs) and TimeoutError is raised
import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
        return "too late"
    finally:
        print("slow: finally (cancelled by wait_for)")

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e).__name__, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(asyncio.sleep(0.01, result="in time"), timeout=0.2))
    print(await asyncio.wait_for(asyncio.sleep(0, result="no timeout"), timeout=None))

asyncio.run(main())
