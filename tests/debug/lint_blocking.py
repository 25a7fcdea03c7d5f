# asy-only: golden stderr under --debug, written by running asy and
# reviewed. Compile-time warnings for blocking calls inside async def, under
# every import spelling; a plain def (meant for a thread) is not reported.
import asyncio
import time
import time as clock
from time import sleep
from time import sleep as nap


def blocking_helper():
    time.sleep(0.01)  # not reported: a plain def may run in a thread


async def main():
    time.sleep(0.01)
    clock.sleep(0.01)
    sleep(0.01)
    nap(0.01)
    try:
        await time.sleep(0.01)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.to_thread(blocking_helper)
    await asyncio.sleep(0.01)
    print("done")


asyncio.run(main())
