# exceptions crossing frames: a handler several calls up sees the original exception; finally/with unwind in order
class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("acquire", self.n)
        return self
    def __exit__(self, *a):
        print("release", self.n, a[0].__name__ if a[0] else None)
def c():
    with Res(3):
        raise LookupError("from c")
def b():
    try:
        with Res(2):
            c()
    finally:
        print("b finally")
def a():
    with Res(1):
        try:
            b()
        except LookupError as e:
            print("a handled:", e)
            return "a done"
print(a())
