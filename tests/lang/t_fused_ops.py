# superinstructions: fused loads and operators with small constants behave as the separate ones
def g(x, y):
    return (x, y)
def f(a, b, c):
    return g(a or b, c), g(a and b, c), g(b if a else c, a)
print(f(0, 1, 2), f(3, 4, 5))
def arith(x):
    out = [x + 1, x - 1, x * 3, x // 2, x % 5, x << 2, x >> 1, x & 6, x | 1, x ^ 3, x / 2, x ** 2]
    y = x
    y += 2; y -= 1; y *= 4; y //= 3; y %= 7; y <<= 1; y >>= 1; y &= 5; y |= 8; y ^= 2
    out.append(y)
    return out
print(arith(10), arith(-7))
def farith(x):
    return [x + 1, x - 1, x * 3, x // 2, x % 5]
print(farith(2.5), farith(-0.5), arith(True)[:3])
s = "a"
print(s * 3, "%d-%s" % (4, "x"))
t = [1, 2]
t += [3]
t *= 2
print(t)
def big(n):
    return n * 32767 + n * -32768, n - 32768
print(big(100000000000000), big(-3))
try:
    arith(None)
except TypeError as e:
    print("TypeError:", e)
def unbound():
    a = 1
    try:
        return a + b
    except NameError as e:
        print(type(e).__name__, e)
    b = 2
unbound()
