# import ... as and from ... import ... as, imports inside functions, importing twice gives the same module
import time as t
from asyncio import sleep as asleep, gather
def inner():
    import sys
    return sys.maxsize
import time
print(t is time, callable(asleep), callable(gather), inner())
try:
    time.no_such_function
except AttributeError as e:
    print("AttributeError:", e)
