# generators made in a for header are closed when the loop is left early (break, return, raise)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in gen():
    print(x)
    break
print("after")
def f():
    for x in gen():
        return x
print(f())
try:
    for x in gen():
        raise ValueError("boom")
except ValueError:
    print("caught")
g = gen()
for x in g:
    break
print("g still open")
print(next(g))
g.close()
