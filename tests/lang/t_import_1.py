# imports of the built-in modules: import, from-import, names available and types; time functions return floats
import sys
import time
import asyncio
from asyncio import sleep, run
from time import monotonic
print(type(sys).__name__, type(time).__name__, type(asyncio).__name__)
print(sys.__name__, time.__name__, asyncio.__name__)
t1 = time.time()
m1 = monotonic()
p1 = time.perf_counter()
time.sleep(0.01)
print(type(t1).__name__, type(m1).__name__, type(p1).__name__)
print(time.monotonic() >= m1 + 0.009, time.perf_counter() > p1, time.time() >= t1, t1 > 1_600_000_000)
print(callable(sleep), callable(run), sleep is asyncio.sleep, time.sleep(0) is None)
