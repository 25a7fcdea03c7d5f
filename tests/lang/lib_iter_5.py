# slice objects: constructor, attributes, indices(), repr, equality, and use as subscripts
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = slice(5)
print(s, s.start, s.stop, s.step, slice(1, 5), slice(1, 5, 2), slice(None, None, -1), slice("a", [1]))
print(type(s).__name__, slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1) == slice(0, 1))
print(slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3), slice(0, 5) > slice(0, 4, 1), slice(1) == 1)
print(slice(2, 8, 2).indices(10), slice(None).indices(5), slice(None, None, -1).indices(5))
print(slice(-3, None).indices(5), slice(-100, 100).indices(5), slice(100, -100, -1).indices(5))
print(slice(1, 3).indices(0), slice(5, 1, -2).indices(4), slice(None, None, 3).indices(10))
data = list(range(10))
print(data[slice(2, 5)], data[slice(None, None, 3)], data[slice(-2, None)], "hello"[slice(1, 4)])
print(data[s], (0, 1, 2, 3, 4, 5, 6)[slice(1, None, 2)], range(10)[slice(3)])
d2 = list(range(6))
d2[slice(0, 2)] = ["a", "b", "c"]
print(d2)
del d2[slice(None, None, 2)]
print(d2)
print(s.__repr__(), s.__eq__(slice(5)), s.__eq__(5), s.__ne__(slice(4)))
sl = [slice(i, i + 2) for i in range(3)]
print(sl, [data[x] for x in sl])
check(lambda: slice())
check(lambda: slice(1, 2, 3, 4))
check(lambda: slice(x=1))
check(lambda: slice(1).indices(-1))
check(lambda: slice(1, 2, 0).indices(5))
check(lambda: slice(1).indices())
check(lambda: slice(1).indices("a"))
check(lambda: slice("a", 2).indices(5))
check(lambda: data[slice("a", 2)])
check(lambda: data[slice(None, None, 0)])
check(lambda: slice(1, 2) < slice("a", 2))
check(lambda: hash(slice(1)))
def setattr_slice():
    x = slice(1)
    x.start = 3
check(setattr_slice)
