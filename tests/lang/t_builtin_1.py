# abs, len, min, max (key, default, several args), sum (start) on varied inputs
print(abs(-3), abs(3.5), abs(-0.0), abs(True), len("four"), len([1, [2, 3]]), len({}), len(range(10)), len((1,)))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a", "c"), max([1, 2], [1, 2, 0]))
print(min([], default="empty"), max([], default=None), min([3, -4, 2], key=abs), max(["aa", "b", "cc"], key=len))
print(max(0, False), min(0, False), max(2.0, 2), min(1, 1.0), max([1, 3], [2]), max(-1, -1.5))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([]), sum([[1], [2]], []), sum(range(5), start=1))
print(sum([1.5, 2.5]), sum([True, True]), sum((x for x in [2, 4])), abs(-2 ** 3))
for bad in (lambda: max([]), lambda: min(), lambda: sum(["a", "b"], ""), lambda: len(5), lambda: abs("x")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
