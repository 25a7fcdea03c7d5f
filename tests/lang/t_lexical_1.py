# lexical structure: line continuation with backslash, implicit joining in brackets, semicolons, comments everywhere
total = 1 + \
        2 + \
        3
items = [
    1,  # a comment inside a list
    2,
    3,  # trailing comma allowed
]
d = {
    "a": 1,
    "b": (2,
          3),
}
x = 1; y = 2; z = x + y
print(total, items, d, z)   # comment after code
def f(a,
      b=2,
      *rest):
    return (a, b, rest)
print(f(1,
        3,
        5))
if (x == 1 and
        y == 2):
    print("multi-line condition")
# a comment line
    # an indented comment line is fine
s = ("implicitly "
     "joined")
print(s)
print(0xFF, 1_0, 1e3, 1., .5, 0o7, 0b1, 1E-2, 10_000.000_1)
