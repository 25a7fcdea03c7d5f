# forgetting await: the call returns a coroutine object and the work does not happen (warning goes to stderr)
import asyncio

async def save(data, store):
    store.append(data)
    return "saved"

async def main():
    store = []
    result = save("a", store)
    print(type(result).__name__, store)
    result.close()
    print(await save("b", store), store)
    r = save("c", store)
    print("coroutine not run yet:", store)
    print(await r, store)

asyncio.run(main())
