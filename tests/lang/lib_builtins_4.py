# isinstance, issubclass, callable, hasattr/getattr/setattr/delattr
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Animal:
    legs = 4
    def speak(self):
        return "..."
class Dog(Animal):
    def __init__(self):
        self.name = "rex"
class Bird(Animal):
    legs = 2
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object), isinstance(d, Bird))
print(isinstance(d, (Bird, Dog)), isinstance(d, (Bird, (int, Animal))), isinstance(d, ()))
print(isinstance(1, int), isinstance(True, int), isinstance(True, bool), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance([], list), isinstance({}, dict), isinstance(set(), frozenset), isinstance(None, object))
print(isinstance(range(1), range), isinstance(slice(1), slice), isinstance(len, object), isinstance(Dog, type))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError), isinstance(1, (str, (int,))))
print(issubclass(Dog, Animal), issubclass(Dog, Dog), issubclass(Animal, Dog), issubclass(bool, int), issubclass(int, object))
print(issubclass(Dog, (Bird, Animal)), issubclass(KeyError, (ValueError, LookupError)), issubclass(type, object))
print(callable(len), callable(Dog), callable(d.speak), callable(d), callable(1), callable(lambda: 0), callable("s"))
class CallMe:
    def __call__(self):
        return "called"
print(callable(CallMe()), CallMe()(), callable(CallMe), callable([].append), callable(print))
print(hasattr(d, "name"), hasattr(d, "legs"), hasattr(d, "speak"), hasattr(d, "wings"), hasattr(1, "real"))
print(getattr(d, "name"), getattr(d, "legs"), getattr(d, "wings", "none"), getattr(Bird, "legs"), getattr(d, "speak")())
setattr(d, "name", "fido")
setattr(d, "age", 3)
print(d.name, d.age, getattr(d, "age"))
delattr(d, "age")
print(hasattr(d, "age"), getattr(d, "age", None))
setattr(Dog, "sound", "woof")
print(d.sound, Dog.sound)
class Dyn:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
dy = Dyn()
print(getattr(dy, "xyz"), hasattr(dy, "xa"), hasattr(dy, "ya"), getattr(dy, "yb", "dflt"))
class Boom:
    @property
    def bad(self):
        raise ValueError("boom")
check(lambda: hasattr(Boom(), "bad"))
check(lambda: getattr(Boom(), "bad", 1))
check(lambda: isinstance(1))
check(lambda: isinstance(1, 1))
check(lambda: isinstance(1, (int, 1)))
check(lambda: isinstance("a", (int, 1)))
check(lambda: isinstance(1, int, 2))
check(lambda: isinstance(1, cls=int))
check(lambda: issubclass(1, int))
check(lambda: issubclass(int, 1))
check(lambda: issubclass(1, 1))
check(lambda: issubclass(d, Dog))
check(lambda: callable())
check(lambda: hasattr(1))
check(lambda: hasattr(1, 2))
check(lambda: getattr(1, 2))
check(lambda: getattr(1, "x"))
check(lambda: getattr(1))
check(lambda: getattr(1, "real", 5, 6))
check(lambda: setattr(1, "x", 2))
check(lambda: setattr(1, "x"))
check(lambda: delattr(1, "x"))
check(lambda: delattr(d, "nothing"))
check(lambda: setattr(d, 5, 1))
check(lambda: getattr(d, "nothing"))
