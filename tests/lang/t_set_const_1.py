# set displays of constants: CPython folds them into frozenset constants, whose table order shows
u = {5, 13, 21, 29, 37}
print(u, [u.pop() for _ in range(3)], u)
print({-1, -2, -3, 0, 1, 2}, {2 ** 40, 2 ** 40 + 1, 7}, {(1, 2), (3, 4), (5, 6)})
for x in {5, 13, 21, 29, 37}:
    print(x, end=" ")
print()
print([x for x in {37, 29, 21, 13, 5}], sorted({"a" * 3, "b" + "c", "x"}))
print({1, 1.0, True}, {0, False, 0.0, -0.0}, {-5 // 2, 7 % -3, 1 << 10, ~5})
print(3 in {1, 2, 3}, {4, 8, 16, 32, 64} & {8, 64})
