# gather's children run before gather's awaiter resumes; a finished child's result waits for the others
import asyncio

async def child(name, hops):
    for i in range(hops):
        print(name, "hop", i)
        await asyncio.sleep(0)
    print(name, "returns")
    return name

async def main():
    print("gather starts")
    res = await asyncio.gather(child("x", 1), child("y", 3), child("z", 0))
    print("gather returned", res)

asyncio.run(main())
