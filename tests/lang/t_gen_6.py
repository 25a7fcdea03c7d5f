# StopIteration carries a generator's return value; raising StopIteration inside a generator becomes RuntimeError
def g():
    yield 1
    return 99
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, "args", e.args)
def empty_return():
    return
    yield
try:
    next(empty_return())
except StopIteration as e:
    print("value", e.value)
def bad():
    yield 1
    raise StopIteration("manual")
try:
    print(list(bad()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)
print(list(g()))
