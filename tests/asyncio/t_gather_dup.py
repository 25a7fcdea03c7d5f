# gather() with the same awaitable twice awaits it once and repeats its result; without repeats no dict is built
import asyncio

async def work(n):
    print("work", n)
    await asyncio.sleep(0.01)
    return n * 10

class Weird:
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 1

async def main():
    c = work(1)
    t = asyncio.ensure_future(work(2))
    print(await asyncio.gather(c, t, c, t, work(3)))
    print(await asyncio.gather(*[work(i) for i in range(3)]))
    f = asyncio.get_running_loop().create_future()
    f.set_result("f")
    print(await asyncio.gather(f, f))
    try:
        await asyncio.gather(Weird())
    except TypeError as e:
        print("TypeError:", e)
    print(await asyncio.gather(), await asyncio.gather(return_exceptions=True))

asyncio.run(main())
