# traceback carets: binop whole line (CPython 3.11's ~ and ^ anchors)
x = None
x + 1
