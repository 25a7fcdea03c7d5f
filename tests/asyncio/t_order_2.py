# awaiting a coroutine runs it inline in the same task: no other task runs unless something actually suspends
import asyncio

async def no_suspend(n):
    print("  inline", n)
    return n

async def other():
    print("other task runs")

async def main():
    asyncio.create_task(other())
    total = 0
    for i in range(3):
        total += await no_suspend(i)
    print("three awaits later, other has not run; total", total)
    await asyncio.sleep(0)
    print("after a real suspension")

asyncio.run(main())
