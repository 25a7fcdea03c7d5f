# tuples: creation forms, singleton comma, count/index, slicing, concatenation, comparison, as dict keys
t = (1, 2, 3, 2)
single = (5,)
also = 7,
empty = ()
print(t, single, also, empty, type(also).__name__, len(empty), (1), ((2,),))
print(t.count(2), t.index(2), t.index(2, 2), t[1:3], t[::-1], t + (9,), t * 2, 3 in t)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (0,) == (0,), max((3, 1), (2, 9)))
pts = {(0, 0): "origin", (1, 0): "east"}
print(pts[(0, 0)], pts[1, 0], (0, 0) in pts)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    {(1, [2]): 0}
except TypeError as e:
    print("TypeError:", e)
