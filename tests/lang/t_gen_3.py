# generator throw(): handled inside (generator continues), unhandled (propagates), on a finished generator
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("generator caught", e)
            n += 100
        n += 1
r = resilient()
print(next(r), next(r))
print(r.throw(ValueError("oops")))
print(next(r))
def fragile():
    try:
        yield 1
        yield 2
    finally:
        print("fragile cleanup")
f = fragile()
next(f)
try:
    f.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
print(next(f, "exhausted"))
try:
    f.throw(TypeError("late"))
except TypeError as e:
    print("finished generator re-raises", e)
def unstarted():
    print("body never runs")
    yield
u = unstarted()
try:
    u.throw(IndexError("before start"))
except IndexError as e:
    print("unstarted generator raises", e)
