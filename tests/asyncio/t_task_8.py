# all_tasks: counts pending tasks including main, finished tasks drop out; get_coro gives the coroutine
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)

async def main():
    print(len(asyncio.all_tasks()))
    ts = [asyncio.create_task(sleeper(0.05 * (i + 1)), name=f"s{i}") for i in range(3)]
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task()))
    await asyncio.sleep(0.075)
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task()))
    print(ts[0].get_coro().__name__, asyncio.iscoroutine(ts[1].get_coro()))
    await asyncio.gather(*ts)
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())
