# as_completed with timeout: TimeoutError raised by the awaitable when time runs out; leftover tasks cancelled by hand
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.05, 0.25)]
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.1):
            print("got", await fut)
    except asyncio.TimeoutError:
        print("timed out waiting for the rest")
    print([t.done() for t in tasks])
    tasks[1].cancel()
    print(asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
