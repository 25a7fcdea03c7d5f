# __getattr__ raising AttributeError keeps its message; object.__getattribute__
# inside __getattr__ does not call __getattr__ again.
class A:
    def __getattr__(self, name):
        if name == "x":
            raise AttributeError("custom message")
        return 42
a = A()
print(a.y)
try:
    a.x
except AttributeError as e:
    print("caught:", e)
print(getattr(a, "x", "default"))
print(hasattr(a, "x"))
class B:
    def __getattr__(self, name):
        return object.__getattribute__(self, "_" + name)
b = B()
b._v = 3
print(b.v)
try:
    b.w
except AttributeError as e:
    print("caught:", e)
