# constructors as converters: str/int/float/bool/list/tuple/dict/set and their defaults
print(repr(str()), int(), float(), bool(), list(), tuple(), dict(), set())
print(str(12), str(1.50), str(None), str([None]), float("  3.25\n"), float(3), bool("False"), bool(0.0))
print(list("ab"), tuple([1]), dict([(1, 2)]), sorted(set([3, 3, 1])), str(-0.0), str(10 ** 18))
print(int("  12  "), int(" -0 "), float("-1e-3"), float(".5"), float("5."), float("1_000.5"), float("+inf"))
print(str(3) + "3", int("3") + 3, float("3") + 3, list((1, 2)) + [3], tuple("ab") + ("c",))
