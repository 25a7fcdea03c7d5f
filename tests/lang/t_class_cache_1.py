# attribute caches: class changes, properties, __setattr__, instance shadowing, constructors
class A:
    k = 1
    def m(self): return "A.m"
class B(A):
    pass
def probe(o):
    return (o.k, o.m())
b = B()
print(probe(b))
A.k = 2
print(probe(b))
B.m = lambda self: "B.m"
print(probe(b))
b.m = lambda: "inst"
print(probe(b))
del b.m
del B.m
print(probe(b))
b.k = 5
print(probe(b))
A.k = property(lambda self: "prop")
try:
    print(probe(b))
except Exception as e:
    print(type(e).__name__, e)
class P:
    def __init__(self): self.x = 1
    def __setattr__(self, n, v): print("set", n, v); object.__setattr__(self, n, v)
def setx(o, v): o.x = v
p = P()
setx(p, 3); print(p.x)
class Q:
    def __init__(self): self.x = 1
q = Q()
setx(q, 4); print(q.x)
Q.__setattr__ = lambda self, n, v: print("Q set", n, v)
setx(q, 5); print(q.x)
class R:
    pass
try:
    R(1)
except TypeError as e:
    print(e)
def mk(c): return c()
class S:
    def __init__(self): print("S init 1")
mk(S)
S.__init__ = lambda self: print("S init 2")
mk(S)
