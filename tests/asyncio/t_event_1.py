# Event: waiters block until set(); all waiters wake in the order they waited; wait() on a set event returns at once; clear()
import asyncio

async def waiter(name, ev):
    print(name, "waiting")
    r = await ev.wait()
    print(name, "woke up", r)

async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    ts = [asyncio.create_task(waiter(n, ev)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.01)
    print("setting")
    ev.set()
    print("set done, waiters not yet resumed")
    await asyncio.gather(*ts)
    print(ev.is_set(), await ev.wait())
    ev.clear()
    print(ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.05)
    except TimeoutError:
        print("wait on a cleared event timed out")

asyncio.run(main())
