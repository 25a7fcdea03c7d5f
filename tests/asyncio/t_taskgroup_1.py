# TaskGroup: the block waits for every task; results available afterwards; tasks created inside tasks join the group
import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    print("finished", name)
    return name * 2

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.1))
        t2 = tg.create_task(job("b", 0.05))
        print("inside the block, nothing finished:", t1.done(), t2.done())
    print("after the block:", t1.result(), t2.result())
    async with asyncio.TaskGroup() as tg:
        async def spawner():
            await asyncio.sleep(0.01)
            tg.create_task(job("child of spawner", 0.05))
            print("spawner done")
        tg.create_task(spawner())
    print("group with nested spawn finished")

asyncio.run(main())
