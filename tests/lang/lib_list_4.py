# list dunders called by name, and descriptor errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = [1, 2, 3]
print(a.__len__(), a.__getitem__(0), a.__getitem__(-1), a.__getitem__(slice(1, None)))
a.__setitem__(0, 10)
a.__delitem__(1)
print(a, a.__contains__(3), a.__contains__(2))
print(a.__add__([4]), a.__mul__(2), a.__rmul__(2), a.__mul__(0), a.__mul__(-1))
b = a.__iadd__((7, 8))
print(b, b is a)
c = a.__imul__(2)
print(c, c is a)
print(list(a.__iter__()), list(a.__reversed__()))
print(a.__eq__([10, 3, 7, 8, 10, 3, 7, 8]), a.__eq__((1,)), a.__ne__([]), a.__lt__([11]))
print(a.__le__(5), a.__gt__([10]), a.__ge__([10, 3, 7, 9]))
print(repr(a), a.__repr__(), str(a))
print(list.__len__([1, 2]), list.__getitem__([5, 6], 1))
check(lambda: list.__len__(5))
check(lambda: list.__add__([1], (2,)))
check(lambda: list.__mul__([1], "a"))
check(lambda: [].__add__())
check(lambda: list.__add__())
check(lambda: [].__len__(1))
check(lambda: [].__iter__(1))
check(lambda: [].__reversed__(1))
check(lambda: [].__getitem__())
check(lambda: [].__contains__())
check(lambda: [].__add__(x=1))
check(lambda: list.sort())
check(lambda: list.sort(5))
check(lambda: list.__getitem__((1,), 0))
l2 = [1, 2, 3]
it = reversed(l2)
print(type(it).__name__, next(it))
l2.clear()
print(list(it))
l3 = [1, 2, 3]
it = iter(l3)
print(type(it).__name__, next(it))
l3.append(4)
print(list(it))
print(list(it))
x = [0] * 3
y = [[]] * 3
y[0].append(1)
print(x, y)
z = [1, 2]
z *= 2
print(z)
z *= 0
print(z)
