# container dunders: __len__ __getitem__ __setitem__ __delitem__ __contains__ __iter__, slices arrive as slice objects
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        if isinstance(key, slice):
            return f"slice({key.start}, {key.stop}, {key.step})"
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} outside grid")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], "#" in g, "x" in g)
print(list(g), g[1:5], g[::2], g[:])
del g[0, 0]
print(list(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[1, 1]
except KeyError as e:
    print("KeyError:", e)
print(bool(g), bool(Grid(0, 3)))
