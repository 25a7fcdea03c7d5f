# to_thread: blocking functions run in threads with args and kwargs; exceptions come back; the loop keeps ticking meanwhile
import asyncio
import time

def blocking(x, *, scale=1):
    time.sleep(0.1)
    return x * scale

def broken():
    raise ValueError("raised in thread")

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.05)

async def main():
    r, _ = await asyncio.gather(asyncio.to_thread(blocking, 4, scale=10), ticker())
    print("thread result", r)
    try:
        await asyncio.to_thread(broken)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
