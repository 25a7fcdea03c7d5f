# argument-binding errors: missing/extra positional, unexpected/duplicate keyword, keyword-only missing
def f(a, b):
    return a + b
def g(a, *, k):
    return a
def h(x=1):
    return x
calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, a=2),
    lambda: g(1),
    lambda: g(1, 2),
    lambda: h(1, 2),
    lambda: h(y=2),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len([], []),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
