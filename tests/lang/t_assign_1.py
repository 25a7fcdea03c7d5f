# assignment forms: chained, tuple swap, targets evaluated left to right, attributes and subscripts as targets
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
lst = [0, 0, 0, 0]
i = 0
i, lst[i] = 2, 9
print(i, lst)
class O:
    pass
o = O()
o.v, lst[0], (p, q) = "attr", "sub", "pq"
print(o.v, lst, p, q)
d = {}
d["k"] = d["j"] = 5
print(d)
m = [[0] * 2 for _ in range(2)]
m[0][1] = m[1][0] = 7
print(m)
a, (b, c), d2 = 1, [2, 3], "d"
print(a, b, c, d2)
