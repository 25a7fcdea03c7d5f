# a timeout around a gather cancels every child still running; results of finished ones are lost with the TimeoutError
import asyncio

async def job(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.gather(job("quick", 0.05), job("slow1", 0.2), job("slow2", 0.25))
    except TimeoutError:
        print("gather timed out")

asyncio.run(main())
