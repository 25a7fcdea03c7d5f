# __call__, __bool__, __len__ fallback for truth, __contains__ fallback to __iter__, __hash__ with __eq__
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, times=1):
        return x * self.k * times
double = Multiplier(2)
print(double(5), double(5, times=3), callable(double), list(map(double, [1, 2])))
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Sized(0)), bool(Sized(2)), "yes" if Sized(1) else "no", len(Sized(7)))
class Evens:
    def __iter__(self):
        return iter([0, 2, 4])
print(2 in Evens(), 3 in Evens(), list(Evens()), sorted(Evens(), reverse=True))
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
d = {Key("Alice"): 1}
d[Key("ALICE")] = 2
print(len(d), d[Key("alice")], Key("a") in {Key("A")}, len({Key("x"), Key("X"), Key("y")}))
class EqNoHash:
    def __eq__(self, other):
        return True
try:
    hash(EqNoHash())
except TypeError as e:
    print("TypeError:", e)
