# a future resolved by a timer callback: the awaiting coroutine wakes after the timer; a callback chain feeds a second future
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_future()
    b = loop.create_future()
    a.add_done_callback(lambda f: b.set_result(f.result() * 2))
    loop.call_later(0.05, a.set_result, 21)
    print("waiting for b")
    print("b =", await b, "a =", a.result())

asyncio.run(main())
