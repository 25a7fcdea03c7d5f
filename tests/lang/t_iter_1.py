# the iterator protocol: iter()/next() on builtins, custom __iter__/__next__ classes, iterators are their own iterators
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), iter(c) is c)
class Repeat:
    def __init__(self, value, times):
        self.value, self.times = value, times
    def __iter__(self):
        return RepeatIter(self)
class RepeatIter:
    def __init__(self, r):
        self.r, self.i = r, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.r.times:
            raise StopIteration
        self.i += 1
        return self.r.value
rep = Repeat("x", 3)
print(list(rep), list(rep), [a + b for a in Repeat("a", 2) for b in Repeat("b", 2)])
s = iter("hi")
print(next(s), iter(s) is s, list(s))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
