# traceback carets: binop imm carets (CPython 3.11's ~ and ^ anchors)
def f(x):
    return (x * 2) % 0 + 1
print(f(3))
