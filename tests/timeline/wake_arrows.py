# asy-only: timeline checks (virtual clock). The "finished, which wakes"
# arrows when the waiter is released by a done-callback, not by awaiting
# the task itself: asyncio.wait (FIRST_COMPLETED, ALL_COMPLETED),
# as_completed, wait_for, and a TaskGroup's __aexit__.
import asyncio


async def work(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    a = asyncio.create_task(work("a", 0.1), name="a")
    b = asyncio.create_task(work("b", 0.3), name="b")
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.get_name() for t in done])
    await asyncio.wait(pending)  # ALL_COMPLETED: b wakes main at 0.3

    c = asyncio.create_task(work("c", 0.2), name="c")
    d = asyncio.create_task(work("d", 0.1), name="d")
    for next_done in asyncio.as_completed([c, d]):
        print("as_completed:", await next_done)

    e = asyncio.create_task(work("e", 0.1), name="e")
    print("wait_for:", await asyncio.wait_for(e, 1))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(work("f", 0.1), name="f")
        tg.create_task(work("g", 0.2), name="g")
    print("group done")


asyncio.run(main())
