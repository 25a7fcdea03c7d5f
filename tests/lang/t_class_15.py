# default object behaviour: identity equality, instances are hashable by identity, is vs ==, object() instances
class P:
    pass
a, b = P(), P()
c = a
print(a == b, a == c, a is c, a != b, a is not b)
s = {a, b, c}
print(len(s), a in s, P() in s)
d = {a: "a"}
print(d[c], d.get(b, "no"))
o1, o2 = object(), object()
print(o1 == o2, o1 == o1, type(o1).__name__)
lst = [a, b]
print(lst.index(c), lst.count(a), b in lst, P() in lst)
