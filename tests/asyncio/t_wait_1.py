# wait(FIRST_COMPLETED): returns (done, pending) sets as soon as one task finishes; pending ones keep running
import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in (("a", 0.15), ("b", 0.05), ("c", 0.1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending)
    print([t.result() for t in done], len(pending))
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())
