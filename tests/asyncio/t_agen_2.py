# async generator methods: __anext__, asend, athrow, aclose, StopAsyncIteration at the end; finally runs on aclose
import asyncio

async def agen():
    try:
        x = yield "first"
        print("received", x)
        try:
            yield "second"
        except ValueError as e:
            print("caught thrown", e)
            yield "after throw"
        yield "last"
    finally:
        print("agen finally")

async def main():
    g = agen()
    print(await g.__anext__())
    print(await g.asend("sent value"))
    print(await g.athrow(ValueError("boom")))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    h = agen()
    print(await h.__anext__(), await h.asend(None))
    await h.aclose()

asyncio.run(main())
