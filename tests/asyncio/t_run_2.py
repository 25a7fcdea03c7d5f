# tasks still pending when main returns are cancelled by asyncio.run; their finally blocks run
import asyncio

async def background():
    try:
        print("background started")
        await asyncio.sleep(10)
    finally:
        print("background cancelled at shutdown")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.01)
    print("main returns")
    return "result"

print(asyncio.run(main()))
print("after run")
