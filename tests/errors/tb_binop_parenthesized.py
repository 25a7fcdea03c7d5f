# traceback carets: binop parenthesized (CPython 3.11's ~ and ^ anchors)
x = None
y = (x) + 1
