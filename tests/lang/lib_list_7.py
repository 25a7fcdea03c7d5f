# the comparisons sort makes on small lists (timsort's run detection and binary insertion)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("  %d < %d" % (self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "K%d" % self.v
for data in ([3, 1, 2], [1, 2, 3, 4], [4, 3, 2, 1], [2, 2, 1, 3, 1], [5, 1, 4, 2, 3, 0]):
    print("sort", data)
    items = [K(v) for v in data]
    items.sort()
    print(items)
print("reverse")
items = [K(v) for v in [2, 3, 1]]
items.sort(reverse=True)
print(items)
print("min/max")
print(min(K(3), K(1), K(2)), max([K(3), K(5), K(4)]))
class Bad:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise RuntimeError("cannot compare 3")
        return self.v < other.v
    def __repr__(self):
        return "B%d" % self.v
b = [Bad(v) for v in [5, 4, 1, 3, 2]]
try:
    b.sort()
except RuntimeError as e:
    print("RuntimeError:", e)
print(b)
class NotBool:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return [1] if self.v < other.v else []
    def __repr__(self):
        return "N%d" % self.v
print(sorted([NotBool(3), NotBool(1), NotBool(2)]))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    sorted([(1, 2), (1, "a")])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{1}, {2}, {1, 2}])
    print("sets sort without error")
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{}, {}])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "2"])
except TypeError as e:
    print("TypeError:", e)
