# NameError.name and AttributeError.name/.obj: set by the interpreter, None when
# raised by hand, writable, keyword arguments; str(e) never has "Did you mean"
import sys
import asyncio

length = 1
try:
    lenght
except NameError as e:
    print(repr(e.name), "|", e)

def f():
    try:
        return totl
    except NameError as e:
        return e.name
print(f())

e = NameError("by hand")
print(e.name, e.args)
e = AttributeError("by hand")
print(e.name, e.obj)

items = [1]
try:
    items.apend(2)
except AttributeError as e:
    print(repr(e.name), e.obj is items, "|", e)

for obj, name in [(sys, "agv"), (asyncio, "sleeep"), (int, "from_byts"), (None, "x"), ("s", "uper")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(repr(e.name), e.obj is obj, "|", e)

print(getattr(items, "apend", "default"))

class Circle:
    def __init__(self):
        self.radius = 2

    @property
    def area(self):
        return self.raduis

    @property
    def broken(self):
        raise AttributeError("custom message")

c = Circle()
try:
    c.area
except AttributeError as e:
    print("inner:", repr(e.name), e.obj is c)
try:
    c.broken
except AttributeError as e:
    print("outer:", repr(e.name), e.obj is c, "|", e)

try:
    (1).x = 3
except AttributeError as e:
    print("setattr:", e.name, e.obj, "|", e)

e = NameError("m", name="abc")
print(e.name, e.args)
e = AttributeError("m", name="abc", obj=items)
print(e.name, e.obj, e.args)
try:
    NameError(foo=1)
except TypeError as t:
    print(t)
try:
    AttributeError("m", nme="x")
except TypeError as t:
    print(t)

e = NameError("x")
e.name = "changed"
print(e.name, vars(e))
e.args = ("new",)
print(e.args, str(e))

class MyError(Exception):
    def __init__(self, name):
        super().__init__(name)
        self.name = name

m = MyError("mine")
print(m.name, vars(m))

class MyNameError(NameError):
    pass

try:
    raise MyNameError("sub", name="q")
except NameError as e:
    print(type(e).__name__, e.name)
