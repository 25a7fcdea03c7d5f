# mapping protocol for update/dict(), fromkeys via instances, popitem order, views of changing dicts
class Pairs:
    def __init__(self):
        self.data = [("one", 1), ("two", 2)]
    def __iter__(self):
        return iter(self.data)
print(dict(Pairs()))
class Map:
    def __init__(self, **kw):
        self.kw = kw
    def keys(self):
        return list(self.kw)
    def __getitem__(self, key):
        return self.kw[key] * 10
d = {}
d.update(Map(a=1, b=2))
print(d)
d |= Map(c=3)
print(d)
print({**Map(z=1)})
class NoGet:
    def keys(self):
        return ["x"]
try:
    dict(NoGet())
except TypeError as e:
    print("TypeError:", e)
print(dict.fromkeys("abc", 1), {"seed": 1}.fromkeys([1, 2]))
print(dict.fromkeys({3: "x", 1: "y"}), dict.fromkeys({2, 1}), dict.fromkeys(range(2), None))
stack = {}
for i in range(5):
    stack[i] = i * i
out = []
while stack:
    out.append(stack.popitem())
print(out)
live = {"a": 1}
ks = live.keys()
items = live.items()
live["b"] = 2
live.update(c=3)
print(list(ks), list(items))
live.clear()
print(ks, items, len(ks))
print(dict(a=1) == {"a": 1}, dict([("a", 1)]) == dict(a=1))
z = dict(zip(range(5), "abcde"))
print(z, [z[i] for i in sorted(z, reverse=True)])
e = {}
e.setdefault("list", []).append(1)
e.setdefault("list", []).append(2)
print(e)
