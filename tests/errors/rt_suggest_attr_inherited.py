# AttributeError: a method inherited from a base class is suggested
class Animal:
    def speak(self):
        return "..."

class Dog(Animal):
    pass

print(Dog().speek())
