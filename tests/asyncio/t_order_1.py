# scheduling order: a task created by a task starts after everything already in the ready queue
import asyncio

async def leaf(name):
    print("leaf", name)

async def parent(name):
    print("parent", name, "start")
    asyncio.create_task(leaf(name + ".child"))
    await asyncio.sleep(0)
    print("parent", name, "end")

async def main():
    a = asyncio.create_task(parent("A"))
    b = asyncio.create_task(parent("B"))
    await asyncio.sleep(0)
    print("main after first yield")
    await asyncio.sleep(0)
    print("main after second yield")
    await asyncio.gather(a, b)
    await asyncio.sleep(0)

asyncio.run(main())
