# closures: counters with nonlocal, several closures sharing one cell, closures outliving their frame
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10)
inc()
inc(5)
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def make_acc():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = make_acc()
print(acc(1), acc(2), acc(3))
def outer():
    x = "enclosing"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
