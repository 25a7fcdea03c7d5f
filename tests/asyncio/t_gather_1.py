# gather: results in argument order whatever the completion order; children start in argument order
import asyncio

async def job(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("end", name)
    return f"{name}:{delay}"

async def main():
    results = await asyncio.gather(job("slow", 0.15), job("fast", 0.05), job("mid", 0.1))
    print(results)
    print(await asyncio.gather())
    print(await asyncio.gather(job("only", 0)))

asyncio.run(main())
