# A dead task's unretrieved exception goes to the loop's exception handler
# with the context CPython's Future.__del__ gives: message, exception, future.
import asyncio

seen = []


def handler(loop, context):
    seen.append(context)
    print("handler:", context["message"], type(context["exception"]).__name__,
          type(context["future"]).__name__, sorted(context))


async def bad():
    raise KeyError("k")


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    t = asyncio.create_task(bad())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("task done:", t.done())
    f = asyncio.get_running_loop().create_future()
    f.set_exception(RuntimeError("r"))
    del t, f
    import gc
    gc.collect()
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
print(len(seen) >= 0, __file__[0] == "/", __file__.endswith("exception_handler_context.py"))
