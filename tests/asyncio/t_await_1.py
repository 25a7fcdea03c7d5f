# custom awaitables: __await__ as a generator that yields bare (a sleep(0)-like hop) and returns a value
import asyncio

class Hop:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        print("  hop: yielding to the loop")
        yield
        print("  hop: resumed")
        return self.value

async def other():
    print("other task runs while main hops")

async def main():
    t = asyncio.create_task(other())
    v = await Hop("hop result")
    print("main got", v)
    await t

asyncio.run(main())
