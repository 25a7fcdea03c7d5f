# iter() and next(): sentinel form, defaults, StopIteration, exhausted iterators, iterator type names
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e))

data = [3, 1, 4, 1, 5, 9]
pos = 0
def reader():
    global pos
    pos += 1
    return data[pos - 1]
it = iter(reader, 1)
print(type(it).__name__, list(it), pos)
print(list(it), pos)
count = 0
def counter():
    global count
    count += 1
    if count > 3:
        raise StopIteration
    return count
print(list(iter(counter, None)))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
check(lambda: next(it))
check(lambda: next(iter([])))
check(lambda: next([]))
check(lambda: next(1))
check(lambda: next())
check(lambda: next(iter([]), 1, 2))
check(lambda: next(iter([]), default=1))
check(lambda: iter())
check(lambda: iter(1))
check(lambda: iter(1, 2))
check(lambda: iter(1, 2, 3))
check(lambda: iter([], x=1))
check(lambda: iter(None))
def gen():
    yield 1
    return "result"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
print(next(g, "default"))
class Counter:
    def __init__(self, limit):
        self.i = 0
        self.limit = limit
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > self.limit:
            raise StopIteration("finished")
        return self.i
c = Counter(2)
print(iter(c) is c, next(c), next(c), next(c, "end"))
try:
    next(Counter(0))
except StopIteration as e:
    print("StopIteration:", e.args)
print(list(Counter(3)), sum(Counter(4)), sorted(Counter(3), reverse=True))
for name, obj in [("list", []), ("tuple", ()), ("str", "ab"), ("unicode", "é"), ("range", range(2)),
                  ("dict", {}), ("keys", {}.keys()), ("values", {}.values()), ("items", {}.items()),
                  ("set", set()), ("frozenset", frozenset())]:
    i = iter(obj)
    print(name, type(i).__name__, iter(i) is i)
li = iter([1, 2, 3])
print(li.__next__(), list(li.__iter__()))
check(lambda: li.__next__())
ti = iter((1,))
print(next(ti), next(ti, "x"))
si = iter("ab")
print(next(si), next(si), next(si, "end"))
class GetItemOnly:
    def __getitem__(self, i):
        if i < 3:
            return i * 2
        raise IndexError
gi = iter(GetItemOnly())
print(type(gi).__name__, list(gi))
print(list(zip(iter([1, 2, 3]), iter("ab"))))
e = enumerate(iter([5, 6]))
print(e.__next__(), list(e))
