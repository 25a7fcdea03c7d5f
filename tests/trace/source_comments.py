# asy-only: --trace quotes the line a task suspends at without its trailing
# comment; a "#" inside a string on that line is kept.
import asyncio


async def worker(q):
    item = await q.get()  # waits: the queue is empty
    print("got", item)


async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(worker(q))
    await asyncio.sleep(0.1, "#0")  # let the worker start: the '#' in the string stays
    await q.put("#1")
    await asyncio.sleep(0.1)  ; await t  # two statements, one comment


asyncio.run(main())
