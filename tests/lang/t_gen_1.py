# generator basics: lazy execution, next(), StopIteration at the end, for loops, generator expressions
def countdown(n):
    print("start", n)
    while n > 0:
        yield n
        n -= 1
    print("finished")
g = countdown(3)
print("created", type(g).__name__)
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(next(g, "default after end"))
for v in countdown(2):
    print("got", v)
ge = (x * x for x in range(4))
print(type(ge).__name__, next(ge), list(ge), list(ge))
print(sum(x for x in range(5)), list(y for y in "ab"), max((len(w), w) for w in ["aa", "b", "ccc"]))
