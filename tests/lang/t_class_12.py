# attribute errors and messages: missing instance/class attributes, calling non-methods, methods needing self
class Thing:
    shared = 1
    def method(self):
        return "method"
t = Thing()
try:
    t.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Thing.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].push(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    Thing.method()
except TypeError as e:
    print("TypeError:", e)
try:
    t.shared()
except TypeError as e:
    print("TypeError:", e)
print(Thing.method(t), t.method())
