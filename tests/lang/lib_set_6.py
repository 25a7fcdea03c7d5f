# set iteration order under many operations on pseudo-random int sets (CPython's table layout)
seed = 2024
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
def rset(size, lim):
    return set(rnd(lim) - lim // 4 for _ in range(size))
for trial in range(12):
    lim = [10, 40, 200, 5000][trial % 4]
    a = rset(rnd(25), lim)
    b = rset(rnd(25), lim)
    print(trial, a, b)
    print("  |", a | b)
    print("  &", a & b, b & a)
    print("  -", a - b, b - a)
    print("  ^", a ^ b)
    c = a.copy()
    for _ in range(min(len(c), rnd(6))):
        c.pop()
    for x in b:
        c.add(x)
    print("  churn", c)
    c.difference_update(list(b)[::2])
    print("  diff_update", c)
    c.intersection_update(a | b)
    print("  inter_update", c)
    c.symmetric_difference_update(range(0, 30, 3))
    print("  symdiff_update", c)
    print("  list", set(list(a) + list(b)), set(dict.fromkeys(list(b) + list(a))))
