# asyncio.run inside a running loop raises RuntimeError; the coroutine passed to it never ran, main continues
import asyncio

async def inner():
    return 1

async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    print("main continues")

asyncio.run(main())
