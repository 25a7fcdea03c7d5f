# min() and max(): iterables, several arguments, key=, default=, ties, and errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max((4, 5)), min("hello"), max("hello"))
print(min(0, False), max(False, 0), max(2.0, 2), min(2, 2.0), max(1, True), min([True, 1]))
print(min([3, 1.5, -2]), max(range(10)), min({5: "a", 2: "b"}), max({7, 3, 9}))
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(min(words, key=lambda w: w[-1]), max(words, key=lambda w: (len(w), w)))
print(min([], default="empty"), max([], default=None), min([1], default=5), max((), key=len, default=0))
print(min(3, 1, key=None), max([2, 9], key=None), min(-3, 2, key=abs), max(-3, 2, key=abs))
print(max([(1, "b"), (1, "a"), (0, "z")]), min([[2], [1, 5], [1]]))
ties = [("a", 1), ("b", 1), ("c", 0), ("d", 1)]
print(max(ties, key=lambda t: t[1]), min(ties, key=lambda t: t[1]))
print(min(x * x for x in range(-3, 3)), max(abs(x) for x in [-7, 3]))
calls = []
def k(x):
    calls.append(x)
    return -x
print(max([1, 2, 3], key=k), calls)
check(lambda: min())
check(lambda: max())
check(lambda: min(1))
check(lambda: min([]))
check(lambda: max([]))
check(lambda: max(x for x in []))
check(lambda: max(1, 2, default=3))
check(lambda: max([], default=3, key=len, x=1))
check(lambda: max([1], x=1))
check(lambda: min(x=1))
check(lambda: min(key=len))
check(lambda: min(1, "a"))
check(lambda: max([1, None]))
check(lambda: max(["a", 1]))
check(lambda: min([1, 2], key=1))
check(lambda: max([[1], 2]))
check(lambda: min(1, 2, key=lambda x: 1 / 0))
class P:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        return self.v > o.v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "P(%r)" % self.v
print(max(P(1), P(3), P(2)), min([P(5), P(4), P(4)]))
