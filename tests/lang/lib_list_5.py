# tuple: constructor, count, index, dunders, comparisons and errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

t = (1, 2, 3, 2, 1)
print(t.count(2), t.count(5), t.count(1.0), t.index(2), t.index(1, 1), t.index(2, -2))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x for x in "xy"))
u = (4, 5)
print(tuple(u) is u, tuple(list(u)) == u)
print(t.__len__(), t.__getitem__(1), t.__getitem__(slice(None, None, -1)), t.__contains__(3))
print(t.__add__((9,)), t.__mul__(2), t.__rmul__(0), (1, 2) * 2, 2 * (1,))
print(t.__eq__((1, 2, 3, 2, 1)), t.__eq__([1]), t.__lt__((1, 3)), t.__ge__((1, 2, 3)))
print(list(t.__iter__()), list(reversed(t)), type(iter(t)).__name__, type(reversed(t)).__name__)
print(hash((1, 2)) == hash((1, 2)), (1, 2).__hash__() == hash((1, 2)))
print((1, 2) < (1, 2, 0), (1, "a") < (2,), () < (0,), (3,) > (2, 9))
print((1, 2) == (1.0, 2.0), (1, [2]) == (1, [2]), (1,) == [1])
print(repr(()), repr((1,)), repr((1, "a", None)), str((1, (2, (3,)))))
check(lambda: ().index(3))
check(lambda: (1,).index(1, 1))
check(lambda: ().count())
check(lambda: ().index())
check(lambda: tuple(1, 2))
check(lambda: tuple(x=1))
check(lambda: tuple(5))
check(lambda: (1,)[5])
key = "a"
check(lambda: (1,)[key])
check(lambda: () + [])
check(lambda: (1,) < ("a",))
check(lambda: tuple.count(5, 1))
check(lambda: (1, 2).append(3))
check(lambda: (1,).__getitem__())
check(lambda: hash((1, [2])))
def assign():
    t = (1, 2)
    t[0] = 5
check(assign)
def delete():
    t = (1, 2)
    del t[0]
check(delete)
a, *b = (1, 2, 3)
print(a, b)
print(len((1, 2, 3)), max((4, 9, 2)), sum((1, 2, 3)), sorted((3, 1, 2)))
nested = ((1, 2), (3, 4))
print([x for pair in nested for x in pair])
print(dict(nested), list(zip(*nested)))
