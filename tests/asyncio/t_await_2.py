# custom awaitables delegating to a future (yield from fut.__await__()) and to a coroutine (await inside async __await__ helper)
import asyncio

class Delayed:
    def __init__(self, delay, value):
        self.delay, self.value = delay, value
    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(self.delay, fut.set_result, self.value)
        result = yield from fut.__await__()
        return f"delayed:{result}"

class ViaCoroutine:
    def __await__(self):
        return self._run().__await__()
    async def _run(self):
        await asyncio.sleep(0.01)
        return "via coroutine"

async def main():
    print(await Delayed(0.05, 7))
    print(await ViaCoroutine())
    print(await asyncio.gather(Delayed(0.1, "a"), ViaCoroutine()))
    print(await asyncio.wait_for(Delayed(0.01, "in time"), 1))

asyncio.run(main())
