# unpacking: starred targets in every position, nested targets, for-loop unpacking, error messages
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(5)
h, *i = (9,)
print(a, b, c, d, e, f, g, h, i)
(p, q), r = (1, 2), 3
[s, (t, u)] = ["s", ("t", "u")]
print(p, q, r, s, t, u)
for idx, (name, score) in enumerate([("ann", 3), ("bob", 5)]):
    print(idx, name, score)
first, *_, last = [10, 20, 30, 40]
print(first, last)
x, y = y2, x2 = 1, 2
print(x, y, y2, x2)
for src in ([1, 2, 3], [1], "abcd"):
    try:
        m, n, o = src
    except ValueError as err:
        print("ValueError:", err)
try:
    j, k = 5
except TypeError as err:
    print("TypeError:", err)
try:
    v, *w, z = [1]
except ValueError as err:
    print("ValueError:", err)
print([*range(3), *"ab"], (*[1, 2], 3), {**{"a": 1}, "b": 2})
