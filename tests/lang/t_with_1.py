# with statement: __enter__/__exit__ order, the `as` value, exception details passed to __exit__, suppression
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return f"resource-{self.name}"
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly")
        else:
            print("exit", self.name, "with", exc_type.__name__, exc, tb is not None)
        return self.suppress
with CM("a") as r:
    print("body got", r)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("continues after suppression")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught outside:", e)
with CM("d"):
    pass
def early():
    with CM("e"):
        return "returned from inside with"
print(early())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
