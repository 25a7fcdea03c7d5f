# Baseline for many_sleepers.py: asyncio imported and a loop running, no tasks.
# It sleeps a little so bench/run.py can read its peak RSS while it is alive.
import asyncio

asyncio.run(asyncio.sleep(0.3))
print("baseline")
