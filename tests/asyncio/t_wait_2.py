# wait(timeout=): returns what is done when the timeout passes, does not cancel or raise; pending tasks then cancelled by hand
import asyncio

async def job(d):
    try:
        await asyncio.sleep(d)
        return d
    except asyncio.CancelledError:
        print("job", d, "cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.05, 0.2, 0.25)]
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print(sorted(t.result() for t in done), len(pending))
    for t in tasks:
        if t in pending:
            t.cancel()
    done2, pending2 = await asyncio.wait(pending)
    print(len(done2), len(pending2), all(t.cancelled() for t in done2))

asyncio.run(main())
