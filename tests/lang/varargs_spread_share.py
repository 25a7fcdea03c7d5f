# f(*seq) builds one argument tuple; a *args parameter that takes all of it
# may share it (tuples are immutable), never the caller's own tuple or list.
def f(*a):
    return a


t = (1, 2, 3)
r = f(*t)
print(r, r == t, r is t)
lst = [1, 2]
r = f(*lst)
lst.append(3)
print(r, lst)
print(f(0, *t), f(*t, 4), f(*t, *lst))


def g(x, *a):
    return x, a


print(g(*t), g(*[5]))


class C:
    def m(self, *a):
        return a


print(C().m(*t), C.m(*t))


def kw(*a, **k):
    return a, k


print(kw(*t, x=1), kw(*range(3)))
print((*[1, 2], *range(3)), [*t], (*t,) == t)
