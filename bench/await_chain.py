# Awaiting without suspending: n awaits of a coroutine that returns at once.
# No task switch happens; this is the cost of creating a coroutine, entering
# it through await and getting its return value back.
import asyncio
import sys


async def leaf(i):
    return i + 1


async def main(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    print(total)


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
