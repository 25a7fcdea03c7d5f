# getattr/setattr/hasattr/delattr with defaults and errors on user objects
class Box:
    kind = "box"
    def __init__(self):
        self.size = 3
b = Box()
print(getattr(b, "size"), getattr(b, "kind"), getattr(b, "color", "none"), hasattr(b, "size"), hasattr(b, "color"))
setattr(b, "color", "red")
print(b.color, hasattr(b, "color"))
delattr(b, "color")
print(hasattr(b, "color"), getattr(b, "color", "gone"))
name = "dyn"
setattr(b, name + "_attr", 42)
print(b.dyn_attr)
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr("abc", "upper")(), hasattr([], "append"), hasattr(3, "real"), getattr(Box, "kind"))
