# ValueError, IndexError, KeyError, ZeroDivisionError, AttributeError and NameError messages from everyday operations
cases = [
    lambda: int("3.5"),
    lambda: float("one"),
    lambda: [1, 2].index(3),
    lambda: "abc".index("d"),
    lambda: (1, 2).index(5),
    lambda: [].pop(),
    lambda: "abc"[5],
    lambda: (1,)[1],
    lambda: {"a": 1}["b"],
    lambda: 5 // 0,
    lambda: 5 % 0,
    lambda: 5 / 0,
    lambda: 5.0 / 0,
    lambda: divmod(5, 0),
    lambda: "s".nope,
    lambda: nonexistent,
    lambda: chr(1114112),
    lambda: list(range(3)).remove(9),
    lambda: dict(a=1).popitem() and {}.popitem(),
    lambda: range(5)[10],
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
