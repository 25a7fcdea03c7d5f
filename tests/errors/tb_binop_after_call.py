# traceback carets: binop after call (CPython 3.11's ~ and ^ anchors)
def f(s):
    y = s.upper() + 1
f("abc")
