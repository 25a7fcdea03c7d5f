# dict views: keys, values, items; liveness, membership, reversal and set operators
d = {1: "a", 2: "b", 3: "c"}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it), 2 in k, 5 in k, "b" in v, "z" in v, (1, "a") in it, (1, "b") in it)
print((1,) in it, [1, "a"] in it, 1 in it)
d[4] = "d"
del d[1]
print(k, v, it, len(k))
print(list(k), list(v), list(it))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)), list(reversed(d)))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__, type(iter(d)).__name__)
print(type(reversed(d)).__name__, type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(it)).__name__)
a = {1: 0, 2: 0, 3: 0, 4: 0}
b = {3: 0, 4: 0, 5: 0, 6: 0}
print(a.keys() & b.keys(), a.keys() | b.keys(), a.keys() - b.keys(), a.keys() ^ b.keys())
print(a.keys() & {4, 5, 9}, a.keys() | [9, 1], a.keys() - [1, 2], a.keys() ^ (4, 7))
print({2, 3, 10} & a.keys(), [7] | a.keys(), {1, 2, 3, 9} - a.keys(), {9} ^ a.keys())
print(a.keys() & b.keys() == {3, 4}, a.keys() == {1, 2, 3, 4}, a.keys() == b.keys(), a.keys() != {1})
print(a.keys().isdisjoint(b.keys()), a.keys().isdisjoint([7, 8]), a.keys().isdisjoint({}))
x = {1: "a", 2: "b"}
y = {2: "b", 3: "c"}
print(sorted(x.items() & y.items()), sorted(x.items() | y.items()), sorted(x.items() - y.items()))
print(x.items() & {(1, "a"), (5, 5)}, sorted(x.items() ^ y.items()))
print(x.items().isdisjoint([(2, "b")]), x.items().isdisjoint([(2, "c")]))
e = {}
print(e.keys(), e.values(), e.items(), list(reversed(e)), len(e.keys()))
print(bool(e.keys()), bool(x.keys()), bool(x.values()))
print(x.values() == x.values(), sorted(x.values()))
nested = {1: {2: 3}}
print(nested.items(), repr(nested.keys()))
dd = {0: 0, 1: 1}
try:
    for key in dd:
        dd[key + 10] = 1
except RuntimeError as err:
    print("RuntimeError:", err)
dd = {0: 0, 1: 1}
try:
    for key in reversed(dd):
        del dd[key]
except RuntimeError as err:
    print("RuntimeError:", err)
dd = {0: 0, 1: 1}
for key in dd:
    dd[key] = "changed"
print(dd)
print(k.__len__(), k.__contains__(2), list(k.__iter__()), k.__repr__())
try:
    d.keys()[0]
except TypeError as err:
    print("TypeError:", err)
try:
    a.keys() & 1
except TypeError as err:
    print("TypeError:", err)
