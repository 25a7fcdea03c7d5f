# reversed(): lists, tuples, strings, ranges, dicts, __reversed__, the sequence protocol, errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("héllo")), "".join(reversed("abc")))
print(list(reversed(range(4))), list(reversed({"a": 1, "b": 2})), list(reversed({}.keys())))
print(type(reversed([])).__name__, type(reversed(())).__name__, type(reversed("")).__name__)
print(type(reversed(range(1))).__name__, type(reversed({})).__name__, type(reversed({}.items())).__name__)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __reversed__(self):
        return iter(range(1, self.n + 1))
    def __iter__(self):
        return iter(range(self.n, 0, -1))
print(list(Countdown(3)), list(reversed(Countdown(3))))
class Seq:
    def __len__(self):
        return 4
    def __getitem__(self, i):
        print("getitem", i)
        return i * i
r = reversed(Seq())
print(type(r).__name__)
print(list(r))
class Short:
    def __len__(self):
        return 5
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError("too far")
        return i
print(list(reversed(Short())))
class NoLen:
    def __getitem__(self, i):
        return i
class NotRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
check(lambda: reversed())
check(lambda: reversed(1))
check(lambda: reversed(set()))
check(lambda: reversed({1: 2}.values()) and "ok")
check(lambda: reversed(frozenset()))
check(lambda: reversed(x for x in []))
check(lambda: reversed(NoLen()))
check(lambda: reversed(NotRev()))
check(lambda: reversed([], x=1))
check(lambda: reversed([], []))
lst = [1, 2, 3, 4]
it = reversed(lst)
print(next(it), next(it))
lst.append(5)
print(list(it))
lst = [1, 2, 3, 4]
it = reversed(lst)
print(next(it))
del lst[:3]
print(list(it), list(it))
d = {1: "a", 2: "b"}
it = reversed(d)
print(next(it))
d[3] = "c"
check(lambda: next(it))
it2 = reversed(d.items())
print(next(it2), next(it2), next(it2))
check(lambda: next(it2))
print([x for x in reversed([[1], [2]])], list(reversed(list(reversed([1, 2, 3])))))
