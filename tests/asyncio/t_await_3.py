# awaiting things that are not awaitable: TypeError with CPython's wording; __await__ returning a non-iterator
import asyncio

class BadAwait:
    def __await__(self):
        return 42

async def main():
    for thing in (1, "s", None, [1]):
        try:
            await thing
        except TypeError as e:
            print("TypeError:", e)
    try:
        await BadAwait()
    except TypeError as e:
        print("TypeError:", e)
    def plain():
        return 1
    try:
        await plain()
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
