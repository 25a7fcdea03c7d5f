# a property that fails on another attribute: the suggestion is for the inner name
class Circle:
    def __init__(self, r):
        self.radius = r

    @property
    def area(self):
        return 3 * self.raduis ** 2

print(Circle(2).area)
