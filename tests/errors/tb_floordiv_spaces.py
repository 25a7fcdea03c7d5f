# traceback carets: floordiv spaces (CPython 3.11's ~ and ^ anchors)
x = None
y = x  //  2
