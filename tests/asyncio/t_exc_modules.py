# asyncio's exception classes name the modules CPython defines them in
import asyncio
print(asyncio.QueueEmpty.__module__, asyncio.QueueFull.__module__)
print(asyncio.CancelledError.__module__, asyncio.InvalidStateError.__module__)
print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.CancelledError, BaseException))
print(repr(asyncio.CancelledError("x")), str(asyncio.QueueEmpty()))
