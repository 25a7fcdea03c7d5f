# traceback carets: subscript chain (CPython 3.11's ~ and ^ anchors)
d = {}
d["a"]["b"]
