# a small asyncio pipeline: producer -> transformer -> sink through queues, shutdown with a sentinel
import asyncio

async def producer(out):
    for word in ["alpha", "beta", "gamma"]:
        await out.put(word)
        await asyncio.sleep(0.01)
    await out.put(None)

async def transformer(inp, out):
    while True:
        item = await inp.get()
        if item is None:
            break
        await out.put(item.upper())
    await out.put(None)

async def sink(inp, results):
    while True:
        item = await inp.get()
        if item is None:
            break
        print("sink got", item)
        results.append(item)

async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    results = []
    await asyncio.gather(producer(q1), transformer(q1, q2), sink(q2, results))
    print(results)

asyncio.run(main())
