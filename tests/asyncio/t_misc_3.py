# a rate-limited worker pool: N workers pulling jobs from a queue; each job's worker recorded, totals checked
import asyncio

async def worker(wid, jobs, done):
    while True:
        job = await jobs.get()
        await asyncio.sleep(0.01 * (job % 3))
        done.append((job, wid))
        jobs.task_done()

async def main():
    jobs = asyncio.Queue()
    for j in range(9):
        jobs.put_nowait(j)
    done = []
    workers = [asyncio.create_task(worker(w, jobs, done)) for w in range(3)]
    await jobs.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(j for j, _ in done), len({w for _, w in done}))
    print(all(w.cancelled() for w in workers))

asyncio.run(main())
