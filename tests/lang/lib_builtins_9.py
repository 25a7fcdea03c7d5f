# dir() of user classes, instances, subclasses and object(), as CPython 3.11 lists them
class P:
    """doc"""
    z = 1
    def __init__(self, x):
        self.x = x
    def m(self):
        pass
class Q(P):
    def extra(self):
        return 2
p = P(1)
q = Q(2)
q.added = 3
print(dir(p))
print(dir(Q))
print(dir(q))
print(dir(object()))
print(dir(object) == dir(object()))
print(len(dir(p)), len(dir(P)), "x" in dir(p), "x" in dir(P))
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(WithDir()))
def f():
    local_b = 1
    local_a = 2
    return dir()
print(f())
