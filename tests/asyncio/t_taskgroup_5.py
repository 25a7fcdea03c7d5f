# TaskGroup results collected into a dict; one group per batch; tasks finish in sleep order but results are keyed
import asyncio

async def fetch(key, d):
    await asyncio.sleep(d)
    print("fetched", key)
    return key.upper()

async def main():
    batches = [[("x", 0.1), ("y", 0.05)], [("z", 0.01)]]
    results = {}
    for i, batch in enumerate(batches):
        async with asyncio.TaskGroup() as tg:
            tasks = {k: tg.create_task(fetch(k, d)) for k, d in batch}
        results.update({k: t.result() for k, t in tasks.items()})
        print("batch", i, "done")
    print(results)

asyncio.run(main())
