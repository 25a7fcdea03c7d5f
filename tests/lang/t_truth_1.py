# truth values of every kind of object: builtins, empty vs non-empty, user classes with __bool__ or __len__ or neither
class Neither:
    pass
class WithBool:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
values = [0, 1, -1, 0.0, 0.5, "", "0", " ", [], [[]], (), ((),), {}, {0: 0}, set(), {0}, None, True, False,
          range(0), range(2), Neither(), WithBool(False), WithBool(True), WithLen(0), WithLen(3)]
print(["T" if v else "F" for v in values])
print([bool(v) for v in values].count(True), len(values))
n = 0
while [1] * (3 - n):
    n += 1
print("loop ran", n, "times")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
