# operator precedence and associativity: ** right-assoc and binds tighter than unary minus, bitwise vs comparisons
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -2)
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3, 1 << 2 + 1, (1 << 2) + 1, 6 & 3 == 2, (6 & 3) == 2)
print(not 1 + 1 == 3, -3 % 5, -(3 % 5), 3 - -3, - - 3, ~~5, 2 * -3)
print(1 < 2 < 3 == 3 != 4, 1 in [1] in [[1]], "a" < "b" in ["b"], 0 < 1 > 0)
print(True + 1 * 2, (lambda: 1 + 1)(), [1, 2][0] + 1, "ab"[1:] * 2, 2 ** 2 * 3, 12 / 2 ** 2)
