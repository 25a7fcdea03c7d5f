# int arithmetic: + - * / // % ** with negative operands, divmod, 3-arg pow, abs, unary ops
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(pow(2, 10), pow(3, 4, 5), pow(7, 0), pow(0, 0), 2 ** -1, (-2) ** 3, -2 ** 2)
print(abs(-9), abs(9), abs(0), -(-4), +(-4), ~5, ~-1)
print(10 / 2, 7 / 7, type(10 / 2).__name__, 0 // 3, 0 % 3)
print(9007199254740993 + 1, 2 ** 62, -(2 ** 62), 4611686018427387904 // 3)
print(1 + 2 * 3 - 4 // 2 % 3, (1 + 2) * (3 - 4), 2 ** 3 ** 2)
x = 100
x //= 7
print(x, x % 7, x * -1 // 3)
