# asy-only: where CPython hangs forever, asy explains the deadlock: each task, its line, and the primitive it waits on
import asyncio
async def waiter(ev):
    print("waiting for the event")
    await ev.wait()
async def main():
    ev = asyncio.Event()
    q = asyncio.Queue()
    t = asyncio.create_task(waiter(ev))
    await q.get()
asyncio.run(main())
