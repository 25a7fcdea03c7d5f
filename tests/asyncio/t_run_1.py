# asyncio.run returns main's result, can be called several times in sequence, and rejects non-coroutines
import asyncio

async def main(x):
    await asyncio.sleep(0)
    return x + 1

print(asyncio.run(main(1)))
print(asyncio.run(main(10)))
for bad in (5, "main"):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("ValueError:", e)
async def raises():
    raise KeyError("from main")
try:
    asyncio.run(raises())
except KeyError as e:
    print("exception from main propagates:", e)
