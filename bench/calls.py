# Many small calls: plain functions with 1 and 3 arguments, method calls on an
# instance that read and write an attribute, and a constructor call.
# Each iteration makes 6 calls (inc, add3, two add, Point, norm1).
import sys


class Counter:
    def __init__(self):
        self.count = 0

    def add(self, k):
        self.count += k
        return self


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def inc(x):
    return x + 1


def add3(a, b, c):
    return a + b + c


def main(n):
    c = Counter()
    s = 0
    for i in range(n):
        s = add3(s, inc(i), -i)
        c.add(1)
        c.add(i & 3)
        s += Point(i, -1).norm1() & 1
    print(s, c.count)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
