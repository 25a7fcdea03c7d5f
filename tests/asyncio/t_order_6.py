# done callbacks versus the awaiting task: callbacks registered before the await run before the awaiter resumes
import asyncio

async def job():
    await asyncio.sleep(0)
    return "job"

async def watcher(t):
    r = await t
    print("watcher resumed with", r)

async def main():
    t = asyncio.create_task(job())
    t.add_done_callback(lambda f: print("callback A"))
    w = asyncio.create_task(watcher(t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: print("callback B (added after watcher)"))
    await w

asyncio.run(main())
