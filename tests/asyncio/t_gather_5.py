# gather accepts tasks, coroutines and futures mixed, and tasks that are already done
import asyncio

async def val(v):
    return v

async def main():
    loop = asyncio.get_running_loop()
    done_task = asyncio.create_task(val("early"))
    await done_task
    fut = loop.create_future()
    loop.call_later(0.05, fut.set_result, "from future")
    res = await asyncio.gather(val(1), done_task, fut, asyncio.sleep(0.01, result="slept"))
    print(res)
    nested = await asyncio.gather(asyncio.gather(val("a"), val("b")), val("c"))
    print(nested)

asyncio.run(main())
