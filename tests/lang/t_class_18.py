# classmethod/staticmethod/property inherited and overridden; super() inside classmethod and property
class Shape:
    registry = []
    def __init__(self, name):
        self.name = name
    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        cls.registry.append(obj.describe())
        return obj
    @property
    def area(self):
        return 0
    def describe(self):
        return f"{self.name}:{self.area}"
class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
    @property
    def area(self):
        return self.side ** 2
class Cube(Square):
    @classmethod
    def create(cls, side):
        print("  Cube.create delegating")
        return super().create(side)
    @property
    def area(self):
        return 6 * super().area
print(Shape.create("blob").area, Square.create(3).area, Cube.create(2).area)
print(Shape.registry)
