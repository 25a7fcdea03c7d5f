# create_task does not run the task: it starts only when the creator suspends, in creation order
import asyncio

async def child(name):
    print("child", name, "starts")
    await asyncio.sleep(0)
    print("child", name, "resumes")
    return name.upper()

async def main():
    t1 = asyncio.create_task(child("a"))
    t2 = asyncio.create_task(child("b"))
    print("tasks created, none has run yet:", t1.done(), t2.done())
    print("main keeps running synchronously")
    await asyncio.sleep(0)
    print("main back after one yield")
    print(await t1, await t2)

asyncio.run(main())
