# as_completed over tasks: yields awaitables in completion order; the results come out fastest first
import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("slow", 0.15), ("fast", 0.05), ("mid", 0.1))]
    order = []
    for fut in asyncio.as_completed(tasks):
        order.append(await fut)
        print("completed:", order[-1])
    print(order)

asyncio.run(main())
