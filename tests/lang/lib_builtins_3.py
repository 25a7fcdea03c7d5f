# sum, any, all, len, abs: numeric towers, start values, truthiness, errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([1, 2], start=10), sum(range(5), -10))
print(sum([0.1] * 10), sum([1, 2.5]), sum([], 5.5), sum([True, True, 1]), sum([0.5, 1, 2]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1e308, 1e308]), sum([-0.0]), sum([], -0.0))
print(sum([1, 2, 3.5, 4]), sum(x / 10 for x in range(5)), sum({1: "a", 2: "b"}), sum({3, 4}))
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, other):
        return Money(self.c + (other.c if isinstance(other, Money) else other))
    def __radd__(self, other):
        return self.__add__(other)
    def __repr__(self):
        return "Money(%d)" % self.c
print(sum([Money(1), Money(2)]), sum([Money(5)], Money(1)), sum([1, Money(2)]))
print(any([]), any([0, "", None]), any([0, 1]), any("a"), any(x > 3 for x in range(5)))
print(all([]), all([1, "x", [0]]), all([1, 0]), all(range(1, 4)), all(x for x in [1, 0, 2]))
print(len([]), len("héllo"), len((1, 2)), len({1: 2}), len({1, 2, 3}), len(range(10, 0, -3)), len("x"))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()), bool(Sized()))
print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(True), abs(False), abs(-9223372036854775807))
class Vec:
    def __abs__(self):
        return 42
print(abs(Vec()))
check(lambda: sum())
check(lambda: sum(1))
check(lambda: sum(["a"], "b"))
check(lambda: sum(["a", "b"]))
check(lambda: sum([1], []))
check(lambda: sum([[1]], 0))
check(lambda: sum([1, "a"]))
check(lambda: sum([], 0, 1))
check(lambda: sum([], x=1))
check(lambda: sum(start=1))
check(lambda: sum([1], start="s"))
check(lambda: any())
check(lambda: any(1))
check(lambda: all(1, 2))
check(lambda: any([], x=1))
check(lambda: len())
check(lambda: len(1))
check(lambda: len(1, 2))
check(lambda: len(x=1))
check(lambda: len(iter([])))
check(lambda: abs())
check(lambda: abs("a"))
check(lambda: abs(None))
check(lambda: abs([]))
class BadLen:
    def __len__(self):
        return -1
check(lambda: len(BadLen()))
class FloatLen:
    def __len__(self):
        return 1.5
check(lambda: len(FloatLen()))
