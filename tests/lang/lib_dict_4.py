# dict dunders by name, | and |=, equality, order after deletion and re-insertion
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = {"a": 1}
print(d.__len__(), d.__getitem__("a"), d.__contains__("a"), d.__contains__("b"))
d.__setitem__("b", 2)
d.__delitem__("a")
print(d, list(d.__iter__()), list(d.__reversed__()), d.__repr__())
print(d.__eq__({"b": 2}), d.__eq__([]), d.__ne__({"b": 3}))
print(d.__or__({"c": 3}), d.__or__(5), d.__ror__({"z": 0}))
r = d.__ior__([("q", 9)])
print(r, r is d)
a = {1: "a", 2: "b"}
b = {2: "B", 3: "C"}
print(a | b, b | a, a)
a |= b
print(a)
a |= [(4, "D")]
a |= {}
print(a)
print({1: 2} == {1: 2.0}, {1: 2} == {2: 1}, {1: [1]} == {1: [1]}, {} == {}, {1: 2} != {1: 2})
print({1: 2, 3: 4} == {3: 4, 1: 2}, list({1: 2, 3: 4}) == list({3: 4, 1: 2}))
o = {"x": 1, "y": 2, "z": 3}
del o["x"]
o["x"] = 4
print(o, list(o))
o["y"] = 20
print(o)
o.pop("y")
o["y"] = 5
print(o)
for i in range(20):
    o[i] = i
for i in range(0, 20, 2):
    del o[i]
print(o)
print(list(o.keys())[:5], len(o))
check(lambda: {} | [])
check(lambda: {} | 1)
check(lambda: {} < {})
check(lambda: dict.__len__(5))
check(lambda: {}.__getitem__())
check(lambda: {}.__getitem__("nope"))
check(lambda: {}.__delitem__("nope"))
check(lambda: {}.__or__())
def ior_bad():
    x = {}
    x |= 5
check(ior_bad)
def ior_bad2():
    x = {}
    x |= [(1, 2, 3)]
check(ior_bad2)
m = {}
m[1] = m
print(m)
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n % 3
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n
    def __repr__(self):
        return "Key(%d)" % self.n
kd = {Key(1): "one", Key(4): "four", Key(7): "seven"}
print(kd, kd[Key(4)], Key(10) in kd, kd.get(Key(7)))
del kd[Key(1)]
print(kd, len(kd))
