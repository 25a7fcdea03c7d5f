# set comparisons and predicates: subset, superset, disjoint, equality with frozenset
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b >= a, b > a, a <= a, a < a, a >= b, a == b, a != b)
print(a.issubset(b), a.issubset([1, 2]), a.issubset(range(2)), b.issuperset(a), b.issuperset([3, 3]))
print(b.issuperset((1, 4)), a.isdisjoint({3}), a.isdisjoint([2]), a.isdisjoint(a), set().isdisjoint(set()))
print(a.issubset(a), set().issubset(a), a.issuperset(set()), a.isdisjoint(range(3, 100)))
f = frozenset([1, 2])
print(f == a, a == f, f <= b, f < frozenset(b), {f} == {frozenset(a)}, f in {frozenset([2, 1])})
print({1, 2} == {2, 1}, {1} == {1.0}, {1} == [1], {1} != (1,), set() == frozenset())
print({1, 2, 3} > {1, 2}, {1, 2, 3} > {4}, {1, 2} >= {1, 2}, {1, 2} > {1, 2})
print(a.__le__(b), a.__lt__([1]), a.__eq__(f), a.__ne__({9}), a.__ge__(5))
print(frozenset({3}).issubset([3]), frozenset({3}).isdisjoint(frozenset({4})))
nested = {frozenset([1, 2]), frozenset([3]), frozenset()}
print(len(nested), frozenset([2, 1]) in nested, set() in nested, {3} in nested)
print(sorted(len(x) for x in nested))
print({frozenset(): 1}[frozenset()], hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(frozenset([frozenset([1])]), frozenset({frozenset({1, 2}), frozenset({3})}) == {frozenset({3}), frozenset({2, 1})})
g = {x for x in range(5)}
h = {x for x in range(10) if x % 2 == 0}
print(g <= set(range(5)), h < set(range(10)), g & h, g | h, g - h, h - g, g ^ h)
print(sorted({(i, j) for i in range(3) for j in range(3) if i < j}))
