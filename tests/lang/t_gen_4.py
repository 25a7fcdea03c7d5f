# generator close(): GeneratorExit raised at the yield, finally runs, closing twice or unstarted is a no-op, ignoring GeneratorExit
def worker():
    try:
        while True:
            yield "working"
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")
w = worker()
print(next(w))
w.close()
w.close()
print(next(w, "closed generator is exhausted"))
u = worker()
u.close()
print("closing an unstarted generator runs nothing")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("exiting quietly")
        return
r = returns_on_exit()
next(r)
print(r.close())
