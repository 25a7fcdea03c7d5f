# the async iterator protocol by hand: __aiter__ returns self, __anext__ is async and raises StopAsyncIteration
import asyncio

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n + 1

async def main():
    async for v in Countdown(3):
        print("countdown", v)
    print([v async for v in Countdown(4)])
    it = Countdown(1).__aiter__()
    print(await it.__anext__())
    try:
        await it.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    try:
        async for _ in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
