# SyntaxError: 'await' outside function, at module level
import asyncio

await asyncio.sleep(1)
