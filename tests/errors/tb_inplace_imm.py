# traceback carets: inplace imm (CPython 3.11's ~ and ^ anchors)
def f(s):
    total = s
    total -= 1
    return total
f("abc")
