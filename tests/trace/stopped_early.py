# asy-only: golden --trace output (virtual clock). A SystemExit raised in a
# child task stops the loop before main() has finished: asyncio.run() then
# cancels main()'s own task on its way out (not "after main() finished").
import asyncio
import sys


async def quitter():
    await asyncio.sleep(0.1)
    sys.exit(0)


async def main():
    await asyncio.create_task(quitter())
    print("not reached")


asyncio.run(main())
