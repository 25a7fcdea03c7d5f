# call-site unpacking: *iterable and **mapping, several of each, mixed with explicit arguments
def show(a, b, c, d=None, **rest):
    return (a, b, c, d, rest)
args = [1, 2]
kw = {"d": 4, "x": 5}
print(show(*args, 3), show(*args, *[3]), show(0, *"xy"), show(*args, 3, **kw))
print(show(1, **{"b": 2, "c": 3}), show(**{"a": 1, "b": 2, "c": 3}, e=6), show(*range(3), **{}, y=1))
print(max(*[3, 9, 2]), print(*["p", "q"], sep="-"), list(zip(*[(1, "a"), (2, "b")])))
def kwo(*, x):
    return x
print(kwo(**{"x": 42}))
try:
    show(1, 2, **{"c": 3, "a": 9})
except TypeError as e:
    print("TypeError:", e)
