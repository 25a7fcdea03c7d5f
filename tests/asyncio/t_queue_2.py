# producer/consumer with join() and task_done(): join returns when every item is processed; workers cancelled after
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("produced", i)
        await asyncio.sleep(0)

async def consumer(name, q, out):
    while True:
        item = await q.get()
        out.append((name, item))
        await asyncio.sleep(0.01)
        q.task_done()

async def main():
    q = asyncio.Queue()
    out = []
    workers = [asyncio.create_task(consumer(f"c{i}", q, out)) for i in range(2)]
    await producer(q, 5)
    await q.join()
    print("all processed:", sorted(item for _, item in out), len(out))
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
