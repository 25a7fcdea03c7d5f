# set methods on ints: update family, symmetric difference, isdisjoint/issubset/issuperset, pop, copy
a = {1, 2, 3}
b = {3, 4}
print(sorted(a.symmetric_difference(b)), a.isdisjoint(b), a.isdisjoint({7}), {1, 2}.issubset(a), a.issuperset({1}))
c = a.copy()
c.update([5, 6], {7})
print(sorted(c), sorted(a))
c.intersection_update({1, 5, 6, 99})
print(sorted(c))
c.difference_update({5})
print(c)
c.symmetric_difference_update({6, 8})
print(sorted(c))
print(len({1, 1, 2}), {1, 2} | {2, 3} == {1, 2, 3}, {1, 2} - {2} == {1}, {1, 2} ^ {2, 3} == {1, 3})
print(a.union([9], (10,)) == {1, 2, 3, 9, 10}, a.intersection(b, {3}), a.difference(b, {1}))
p = {42}
print(p.pop(), p, len(p))
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
try:
    a.add([1])
except TypeError as e:
    print("TypeError:", e)
