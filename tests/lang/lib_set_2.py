# set algebra: union, intersection, difference, symmetric difference; result order as CPython
a = {1, 2, 3, 4, 5, 6, 7, 8}
b = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
print(a | b, b | a)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a.union(b, [20, 21], range(30, 33)), a.union(), a.union(a))
print(a.intersection(b, [6, 7, 99]), a.intersection(), a.intersection([8, 1, 50]))
print(a.difference(b, [1]), a.difference(), a.difference([2, 2, 3]))
print(a.symmetric_difference([1, 100, 2, 200]), a.symmetric_difference(range(5)))
small = {3, 40}
large = set(range(0, 100, 3))
print(small & large, large & small, small - large, large - small == set(range(0, 100, 3)) - {3})
print(sorted(large - small) == sorted(set(range(0, 100, 3)) - {3}))
huge = set(range(1000))
tiny = {999, 5, 1001}
print(tiny - huge, tiny & huge, huge.intersection(tiny), tiny.difference(huge))
print((huge - set(range(995))), len(huge - tiny))
d = {10: "x", 3: "y", 7: "z"}
print({1, 3, 7, 9} - d.keys(), {1, 3}.union(d), {3, 9, 10}.intersection(d), {3, 4}.symmetric_difference(d))
print(set(range(10)) - {1, 2}, set(range(10)).difference({1: 0, 2: 0}))
fa = frozenset([1, 2, 3])
fb = frozenset([3, 4])
print(fa | fb, fa & fb, fa - fb, fa ^ fb, type(fa | fb).__name__)
print(fa | {9}, type(fa | {9}).__name__, type({9} | fa).__name__, type(fa.union([5])).__name__)
print(type({1}.intersection(fa)).__name__, type(fa.difference({1})).__name__, type(fa.symmetric_difference({1})).__name__)
e = set()
print(e | e, e & {1}, e - {1}, {1} - e, e ^ {2}, {2} ^ e)
neg = {-5, -4, -3, -2, -1}
pos = {0, 1, 2, 3, 4}
print(neg | pos, (neg | pos) - neg, neg ^ {-1, 1})
print({(1, 2), (3, 4)} | {(5, 6)}, {(1, 2)} & {(1, 2), (2, 1)})
c1 = set(range(0, 64, 8))
c2 = set(range(4, 64, 8))
print(c1 | c2, c2 | c1)
print({1, 9, 17} | {25, 33}, {33, 25} | {1, 9, 17})
