# dict get, setdefault, pop, popitem, update, clear, copy, and their errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("a", 0))
print(d.setdefault("a", 100), d.setdefault("c"), d.setdefault("d", []), d)
d["d"].append(1)
print(d)
print(d.pop("c"), d.pop("zz", "default"), d.pop("zz", None), d)
d2 = {1: "a", 2: "b", 3: "c"}
print(d2.popitem(), d2.popitem(), d2)
d2[4] = "d"
d2[0] = "z"
print(d2.popitem(), d2)
d3 = {1: 1, 2: 2, 3: 3}
del d3[3]
print(d3.popitem(), d3)
d4 = {}
d4.update({1: 2})
d4.update([(3, 4)], five=5)
d4.update(six=6)
d4.update()
d4.update({1: "new"})
d4.update([("x", 1), ("x", 2)])
print(d4)
d5 = {"k": 1}
c = d5.copy()
c["k"] = 2
print(d5, c)
d5.clear()
print(d5, len(d5))
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
check(lambda: {}.get())
check(lambda: {}.get(1, 2, 3))
check(lambda: {}.get(x=1))
check(lambda: {}.get([1]))
check(lambda: {}.pop())
check(lambda: {}.pop(1))
check(lambda: {}.pop("key"))
check(lambda: {}.pop((1, 2)))
check(lambda: {}.pop(1, 2, 3))
check(lambda: {}.popitem())
check(lambda: {}.popitem(1))
check(lambda: {}.setdefault())
check(lambda: {}.setdefault(1, 2, 3))
check(lambda: {}.setdefault([1]))
check(lambda: {}.update(1, 2))
check(lambda: {}.update(1))
check(lambda: {}.update([(1, 2, 3)]))
check(lambda: {}.update([1]))
check(lambda: {}.copy(1))
check(lambda: {}.clear(1))
check(lambda: {}.keys(1))
check(lambda: {}.keys(x=1))
check(lambda: dict.get(5, 1))
check(lambda: dict.keys())
try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e, e.args)
try:
    {}.pop(42)
except KeyError as e:
    print("KeyError:", e, e.args)
