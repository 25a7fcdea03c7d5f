# range: constructor forms, len, indexing, slicing, membership, index/count, reversed, equality
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

r = range(10)
print(r, range(2, 8), range(10, 0, -3), range(0), range(-5, 5, 2))
print(len(r), len(range(2, 8)), len(range(10, 0, -3)), len(range(0)), len(range(5, 1)), len(range(1, 10, 4)))
print(list(range(10, 0, -3)), list(range(-5, 5, 2)), list(range(5, 1)), list(range(0, -10, -4)))
print(r[0], r[-1], r[3], range(10, 0, -3)[2], range(10, 0, -3)[-1])
print(r[2:5], r[::2], r[::-1], r[-3:], r[5:2], range(10, 0, -3)[1:], r[1:8:3][::-1])
print(list(r[::-1]), list(range(10, 0, -3)[::-1]))
print(3 in r, 10 in r, -1 in r, 3.0 in r, 3.5 in r, "3" in r, 7 in range(10, 0, -3), 6 in range(10, 0, -3))
print(r.index(4), range(10, 0, -3).index(4), r.count(3), r.count(11), r.count(3.0), range(0, 20, 5).count(15))
print(r.start, r.stop, r.step, range(1, 2, 3).step, range(4).start)
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(10, 0, -4))), list(reversed(range(0))))
print(type(iter(r)).__name__, type(reversed(r)).__name__, type(r).__name__)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 4, 2) == range(0, 3, 2), range(1) == range(1, 2, 5))
print(range(3) == [0, 1, 2], range(3) != range(4), list(range(3)) == [0, 1, 2])
print(bool(range(0)), bool(range(1)), hash(range(3)) == hash(range(0, 3)), hash(range(0)) == hash(range(4, 4)))
print({range(3): "a"}[range(0, 3, 1)])
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
print(r.__len__(), r.__getitem__(2), r.__contains__(9), list(r.__reversed__()), r.__repr__())
big = range(0, 10 ** 15, 7)
print(len(big), big[10 ** 12], 10 ** 15 - 6 in big, big.index(700000000000007), big[-1])
print(range(-3, 3)[True], range(True), range(False, 3))
check(lambda: range())
check(lambda: range(1, 2, 3, 4))
check(lambda: range(1, 2, 0))
check(lambda: range("a"))
check(lambda: range(1.5))
check(lambda: range(1, 2.0))
check(lambda: range(x=1))
check(lambda: range(3)[5])
check(lambda: range(3)[-4])
check(lambda: range(3).index(5))
check(lambda: range(3).index("a"))
check(lambda: range(3).index())
check(lambda: range(3).count())
check(lambda: range(3)[1.0])
check(lambda: range(3)[1:2:0])
check(lambda: range.__len__(5))
def assign():
    x = range(3)
    x[0] = 1
check(assign)
n = 0
for i in range(3):
    for j in range(i, 3):
        n += 1
print(n)
