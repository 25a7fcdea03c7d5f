# Condition: notify(1) wakes one waiter in FIFO order, notify_all wakes the rest; wait_for(predicate)
import asyncio

async def consumer(name, cond, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "took", items.pop(0))

async def main():
    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(consumer(n, cond, items)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0.01)
    async with cond:
        items.append("apple")
        cond.notify(1)
    await asyncio.sleep(0.01)
    async with cond:
        items.extend(["banana", "cherry"])
        cond.notify_all()
    await asyncio.gather(*cs)
    print("left:", items)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
