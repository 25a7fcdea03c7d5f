# del: names, list items and slices, dict keys, attributes, several targets; errors for missing targets
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
lst = list(range(8))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
class P:
    def __init__(self):
        self.x, self.y = 1, 2
p = P()
del p.x
print(hasattr(p, "x"), p.y)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del lst[10]
except IndexError as e:
    print("IndexError:", e)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
def f():
    v = 1
    del v
    return v
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
