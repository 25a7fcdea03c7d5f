# traceback carets: subscript spaces (CPython 3.11's ~ and ^ anchors)
x = [1]
y = x[ 5 ]
