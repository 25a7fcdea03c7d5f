# dict construction: mappings, pairs, keywords, fromkeys, and CPython's errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(dict(), dict([(1, 2), (3, 4)]), dict([[1, "a"], (2, "b")]), dict(a=1, b=2))
print(dict({1: 2}, x=3), dict([(1, 2)], y=4), dict(zip("abc", range(3))))
print(dict(["ab", "cd"]), dict([(1, 2), (1, 3)]), dict({"k": 1}, k=2))
print(dict(((i, i * i) for i in range(4))), dict(enumerate("xy")))
print({1: "a", 1.0: "b", True: "c"}, dict([(1, "a"), (True, "b")]))
src = {"x": [1]}
cp = dict(src)
cp["x"].append(2)
cp["y"] = 0
print(src, cp, cp is src)
class Mapping:
    def keys(self):
        print("keys() called")
        return ["b", "a"]
    def __getitem__(self, k):
        print("getitem", k)
        return k.upper()
print(dict(Mapping()))
print(dict.fromkeys([1, 2, 3]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []))
fk = dict.fromkeys([1, 2], [])
fk[1].append("shared")
print(fk)
print({}.fromkeys([5]), dict.fromkeys([]), dict.fromkeys((1, 1, 2)))
check(lambda: dict(1))
check(lambda: dict([1]))
check(lambda: dict([(1, 2, 3)]))
check(lambda: dict([[1]]))
check(lambda: dict([(1, 2), "abc"]))
check(lambda: dict(1, 2))
check(lambda: dict([], []))
check(lambda: dict([([], 1)]))
check(lambda: dict.fromkeys())
check(lambda: dict.fromkeys(1))
check(lambda: dict.fromkeys([1], 2, 3))
check(lambda: dict.fromkeys([[1]]))
check(lambda: {[1]: 2})
check(lambda: {}[[1]])
check(lambda: {}["a"])
check(lambda: {1: 2}[2])
check(lambda: {(1, 2): 3}[(1, 2)])
check(lambda: {(1, [2]): 3})
d = {}
d[1] = "one"
d[2.0] = "two"
d[(3,)] = "three"
d[None] = "none"
d["s"] = "str"
d[True] = "true"
print(d, len(d))
print(d[1], d[2], d[(3,)], d[None], d["s"])
