# cancel(msg): the message reaches the CancelledError inside the task and the one seen by the awaiter
import asyncio

async def victim():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside task:", e.args)
        raise

async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter sees:", e.args)
    print(t.cancelled())

asyncio.run(main())
