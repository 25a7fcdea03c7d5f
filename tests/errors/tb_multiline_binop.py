# traceback carets: multiline binop (CPython 3.11's ~ and ^ anchors)
x = None
y = (x
  + 1)
