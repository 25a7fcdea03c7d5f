# Memory per suspended task: n tasks each await asyncio.sleep(1), all at once.
# bench/run.py reads the peak RSS of this process, subtracts the peak RSS of
# the same script run with n = 0 (asyncio imported, an empty gather), and
# divides by n. The task list and gather's bookkeeping are counted too, in
# python3 and asy alike: that is what a program holding n sleeping tasks costs.
import asyncio
import sys


async def sleeper():
    await asyncio.sleep(1)


async def main(n):
    tasks = [asyncio.create_task(sleeper()) for _ in range(n)]
    await asyncio.gather(*tasks)
    print(len(tasks))


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
