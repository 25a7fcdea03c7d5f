# asy-only: run under each --sched mode by tests/show/run.py; expected
# outputs written by running asy and reviewed. A program whose output
# depends on scheduling order: who starts first, and a lost update on a
# shared balance (the last task to write wins: 100 - 80 - 50 - 30 is not it).
import asyncio

log = []
balance = 100


async def worker(name):
    log.append(name + " starts")
    await asyncio.sleep(0)
    log.append(name + " ends")


async def withdraw(name, amount):
    global balance
    seen = balance  # read ...
    await asyncio.sleep(0)  # ... talk to the bank's server ...
    balance = seen - amount  # ... write: updates made in between are lost
    print(f"{name} withdrew {amount}: balance {balance}")


async def main():
    tasks = [asyncio.create_task(worker(n)) for n in "ABC"]
    log.append("all created")
    await asyncio.gather(*tasks)
    print(log)
    await asyncio.gather(withdraw("alice", 80), withdraw("bob", 50), withdraw("carol", 30))
    print("final balance", balance)


asyncio.run(main())
