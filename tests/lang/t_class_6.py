# staticmethod and classmethod: called on class and instance, alternative constructors honour subclasses
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class EuroDate(Date):
    def __str__(self):
        return f"{self.d:02d}.{self.m:02d}.{self.y}"
print(Date.from_string("2024-02-29"), EuroDate.from_string("2023-7-4"), str(EuroDate.from_string("2023-7-4")))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024), EuroDate.is_leap(2023))
class Counter:
    instances = 0
    def __init__(self):
        Counter.register()
    @classmethod
    def register(cls):
        cls.instances += 1
        return cls.instances
    @classmethod
    def how_many(cls):
        return cls.instances
Counter(); Counter()
print(Counter.how_many(), Counter().how_many())
