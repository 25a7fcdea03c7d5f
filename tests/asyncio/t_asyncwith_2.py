# async with on objects lacking the protocol raises TypeError; sync context managers cannot be used with async with
import asyncio

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

async def main():
    try:
        async with SyncOnly():
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
    lock = asyncio.Lock()
    async with lock:
        print("asyncio.Lock works with async with:", lock.locked())
    print(lock.locked())

asyncio.run(main())
