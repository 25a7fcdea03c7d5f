# async with: __aenter__/__aexit__ are awaited, the as-value, exception details reach __aexit__, suppression by returning True
import asyncio

class Conn:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("opening", self.name)
        await asyncio.sleep(0.01)
        return f"conn:{self.name}"
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("closing", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

async def main():
    async with Conn("db") as c:
        print("using", c)
    async with Conn("quiet", suppress=True):
        raise ValueError("suppressed")
    print("after suppressed error")
    try:
        async with Conn("loud"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", e)
    async with Conn("a") as a, Conn("b") as b:
        print("both open:", a, b)

asyncio.run(main())
