# simulated downloads with a semaphore, gather with return_exceptions, and a summary; failures do not stop the others
import asyncio

class HTTPError(Exception):
    pass

async def fetch(url, sem):
    async with sem:
        await asyncio.sleep(0.05 if "slow" not in url else 0.1)
        if "404" in url:
            raise HTTPError(f"404 for {url}")
        return f"<{url}: {len(url)} bytes>"

async def main():
    sem = asyncio.Semaphore(3)
    urls = ["a.com", "b.com/404", "slow.org", "c.net", "d.io/404"]
    results = await asyncio.gather(*(fetch(u, sem) for u in urls), return_exceptions=True)
    ok = [r for r in results if not isinstance(r, Exception)]
    errors = [str(r) for r in results if isinstance(r, Exception)]
    print("ok:", ok)
    print("errors:", errors)

asyncio.run(main())
