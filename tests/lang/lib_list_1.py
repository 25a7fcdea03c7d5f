# list methods: append, extend, insert, remove, pop, clear, copy, count, index, reverse
a = [1, 2, 3]
a.append(4)
a.append([5])
print(a)
a.extend((6, 7))
a.extend("ab")
a.extend(range(2))
a.extend(x * x for x in range(3))
a.extend({})
print(a)
b = [1, 2]
b.extend(b)
print(b)
b += b
print(b)
c = [1, 2, 3]
c.insert(0, "a")
c.insert(100, "z")
c.insert(-1, "m")
c.insert(-100, "first")
c.insert(2, "two")
print(c)
d = []
d.insert(5, 1)
d.insert(-5, 0)
print(d)
e = [3, 1, 3, 2, 3]
e.remove(3)
print(e)
e.remove(3)
print(e)
print(e.pop(), e)
print(e.pop(0), e)
print(e.pop(-1), e)
f = [10, 20, 30, 40, 50]
print(f.pop(2), f.pop(-2), f)
print(f.pop(True), f)
g = [1, [2, 3]]
h = g.copy()
h[1].append(4)
h.append(5)
print(g, h, g is h, g[1] is h[1])
g.clear()
print(g, h)
n = [1, 2, 1, 1.0, True, "1", [1]]
print(n.count(1), n.count("1"), n.count([1]), n.count(2), n.count(None))
m = [5, 3, 5, 7, 5, 9]
print(m.index(5), m.index(5, 1), m.index(5, 3), m.index(5, -2), m.index(7, 0, 4))
print(m.index(5, -100), m.index(9, 2, 100))
r = [1, 2, 3, 4]
r.reverse()
print(r)
r = []
r.reverse()
print(r)
r = [1]
r.reverse()
print(r)
print([1, 2, 3].append(4), [].reverse(), [3, 1].sort())
x = [float("nan")]
print(x.count(x[0]), x.index(x[0]))
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other
    def __repr__(self):
        return "E(%d)" % self.v
lst = [E(1), E(2), E(3)]
print(lst.index(2))
print(lst.count(3))
lst.remove(1)
print(lst)
print(2 in lst)
