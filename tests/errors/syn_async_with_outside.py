# SyntaxError: 'async with' outside async function
import asyncio

def locked(lock):
    async with lock:
        return 1
