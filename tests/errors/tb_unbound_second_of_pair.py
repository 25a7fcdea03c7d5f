# traceback carets: unbound second of pair (CPython 3.11's ~ and ^ anchors)
def f():
    a = 1
    print(a + b)
    b = 2
f()
