# str() and repr() of built-in values inside containers and on their own
vals = [1, -2.5, "s", None, True, [1, "a"], (1,), (), {"k": [1, 2]}, {1: None}, range(3), 1e20, [[]], ""]
for v in vals:
    print(str(v), repr(v), sep=" || ")
print([1.0, 2.50, 1e-7], (None, False), {(1, 2): "t"})
print(str(str), str(int), repr(len), str(print))
