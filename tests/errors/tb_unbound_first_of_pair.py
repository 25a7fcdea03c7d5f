# traceback carets: unbound first of pair (CPython 3.11's ~ and ^ anchors)
def f():
    b = 1
    print(a + b)
    a = 2
f()
