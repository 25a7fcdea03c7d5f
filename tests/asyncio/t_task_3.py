# task names: explicit name=, set_name/get_name, current_task() identity inside tasks and in main
import asyncio

async def who():
    me = asyncio.current_task()
    print("running in", me.get_name())
    return me

async def main():
    main_task = asyncio.current_task()
    main_task.set_name("main-task")
    t = asyncio.create_task(who(), name="worker-1")
    u = asyncio.create_task(who())
    u.set_name("renamed")
    print(t.get_name(), u.get_name())
    got = await t
    print(got is t, await u is u, asyncio.current_task() is main_task, main_task.get_name())
    print(asyncio.current_task().get_name())

asyncio.run(main())
