# asy-only: golden stderr under --debug (virtual clock), written by running
# asy and reviewed. Misconception 9: a fire-and-forget task still running
# when main() returns is cancelled by asyncio.run(); a task of a loop that
# is closed while it is pending never finishes.
import asyncio


async def background(n):
    await asyncio.sleep(n)
    print("background finished")


async def main():
    asyncio.create_task(background(10))
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())

loop = asyncio.new_event_loop()
loop.create_task(background(5), name="orphan")
loop.run_until_complete(asyncio.sleep(0.1))
loop.close()
print("loop closed")
