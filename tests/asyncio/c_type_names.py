# Messages name Future and Task by their C type names, as CPython does.
import asyncio
async def f(): return 1
async def main():
    t = asyncio.create_task(f())
    fut = asyncio.get_running_loop().create_future()
    for bad in (lambda: len(t), lambda: t + 1, lambda: t.nope, lambda: fut[0], lambda: int(t), lambda: type(t).__name__ + type(fut).__name__ + str(type(t)) + str(type(fut)), lambda: t < t):
        try:
            print(bad())
        except Exception as e:
            print(type(e).__name__, e)
    fut.cancel()
    await t
asyncio.run(main())
