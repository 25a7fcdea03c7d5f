# traceback carets: attribute in binop (CPython 3.11's ~ and ^ anchors)
x = None
y = x.a.b + f(
1)
