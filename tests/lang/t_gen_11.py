# generators as coroutines: a pipeline driven by send, a scheduler round-robining generators, yield as expression
def printer():
    while True:
        line = yield
        print("printer:", line)
def upper(target):
    while True:
        s = yield
        target.send(s.upper())
p = printer()
next(p)
u = upper(p)
next(u)
for w in ("one", "two"):
    u.send(w)
def task(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        yield
tasks = [task("A", 3), task("B", 1), task("C", 2)]
while tasks:
    t = tasks.pop(0)
    try:
        next(t)
        tasks.append(t)
    except StopIteration:
        print("a task is done")
def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x
rm = running_max()
next(rm)
print([rm.send(v) for v in (3, 1, 4, 1, 5, 9, 2, 6)])
