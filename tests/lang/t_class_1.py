# classes: __init__, instance vs class attributes, shadowing a class attribute on one instance, methods calling methods
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, tricks=None):
        self.name = name
        self.tricks = list(tricks or [])
        Dog.count += 1
    def add_trick(self, t):
        self.tricks.append(t)
        return self
    def describe(self):
        return f"{self.name} ({self.species}) knows {self.summary()}"
    def summary(self):
        return ", ".join(self.tricks) or "nothing"
a = Dog("Rex")
b = Dog("Fido", ["sit"])
a.add_trick("roll").add_trick("beg")
print(a.describe())
print(b.describe())
b.species = "wolf"
print(a.species, b.species, Dog.species, Dog.count)
Dog.species = "dog"
print(a.species, b.species)
print(type(a).__name__, a.__class__.__name__, isinstance(a, Dog), Dog.__name__)
