# Future done callbacks: registration order, remove_done_callback returns the count removed, callbacks after done are scheduled soon
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    def cb_a(fut):
        print("a sees", fut.result())
    def cb_b(fut):
        print("b sees", fut.result())
    f.add_done_callback(cb_a)
    f.add_done_callback(cb_b)
    f.add_done_callback(cb_a)
    print("removed", f.remove_done_callback(cb_a))
    loop.call_soon(print, "call_soon before set_result")
    f.set_result(1)
    loop.call_soon(print, "call_soon after set_result")
    await asyncio.sleep(0)
    f.add_done_callback(cb_b)
    print("added after done")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
