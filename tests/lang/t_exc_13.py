# exceptions raised inside generators, comprehensions, lambdas and __init__ propagate to the caller
def gen():
    yield 1
    raise ValueError("from generator")
try:
    for v in gen():
        print("got", v)
except ValueError as e:
    print("ValueError:", e)
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError as e:
    print("ZeroDivisionError in comprehension:", e)
class Strict:
    def __init__(self, v):
        if v < 0:
            raise ValueError(f"negative: {v}")
        self.v = v
objs = []
for v in (1, -1, 2):
    try:
        objs.append(Strict(v))
    except ValueError as e:
        print("constructor failed:", e)
print([o.v for o in objs])
f = lambda d: d["missing"]
try:
    f({})
except KeyError as e:
    print("KeyError from lambda:", e)
