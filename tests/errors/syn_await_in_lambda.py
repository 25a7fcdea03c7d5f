# SyntaxError: 'await' outside async function, inside a lambda in an async def
import asyncio

async def main():
    f = lambda: await asyncio.sleep(0)
    return f
