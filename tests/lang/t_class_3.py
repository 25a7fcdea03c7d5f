# inheritance: overriding, calling the parent with super(), inherited attributes, isinstance along the chain
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Cat(Animal):
    sound = "meow"
    def kind(self):
        return "cat, an " + super().kind()
class Lion(Cat):
    sound = "roar"
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + f" (pride of {self.pride})"
for a in (Animal("generic"), Cat("Tom"), Lion("Leo", 7)):
    print(a.speak(), "|", a.kind(), "|", isinstance(a, Cat), type(a).__name__)
print(issubclass(Lion, Animal), issubclass(Animal, Lion), Lion.sound, Cat.sound, Animal.sound)
