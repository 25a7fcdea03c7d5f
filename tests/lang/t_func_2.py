# *args, **kwargs and keyword-only parameters in every combination
def f(a, b=2, *args, c, d=4, **kw):
    return f"a={a} b={b} args={args} c={c} d={d} kw={kw}"
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
print(f(c=1, a=2))
def only_star(*, x, y=0):
    return x + y
print(only_star(x=1), only_star(y=5, x=1))
def collect(*args, **kwargs):
    return args, kwargs
print(collect(), collect(1, "two", three=3), collect(*[1, 2], **{"k": "v"}))
def count(*items):
    return len(items)
print(count(), count(None), count(*range(5)), count(*"abc", *[1]))
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3))
