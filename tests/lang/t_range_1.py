# range objects: repr, len, indexing, slicing to ranges, membership, reversed, equality, errors
r = range(2, 20, 3)
print(r, len(r), r[0], r[-1], r[2:4], r[::-1], r[::2], list(r))
print(5 in r, 6 in r, 20 in r, r.index(11), r.count(8), list(reversed(r)))
print(range(5), range(0, 5), range(5) == range(0, 5), range(0) == range(5, 1), range(1, 6, 2) == range(1, 7, 2))
print(list(range(10, 0, -3)), list(range(-5)), list(range(-3, 3)), len(range(0, 100, 7)))
print(range(3)[1], range(10)[-3:], range(0, 10, 2).start, range(0, 10, 2).stop, range(0, 10, 2).step)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
