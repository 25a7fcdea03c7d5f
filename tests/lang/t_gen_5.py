# yield from: delegation of values, send and throw passed through, the subgenerator's return value
def inner():
    got = yield "inner-1"
    print("inner received", got)
    yield "inner-2"
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield from [10, 20]
    yield from range(2)
    return "outer-done"
o = outer()
print(next(o))
print(o.send("hello"))
print(list(o))
def catcher():
    try:
        yield 1
    except ValueError:
        yield "inner handled ValueError"
def delegator():
    yield from catcher()
    yield "after"
d = delegator()
next(d)
print(d.throw(ValueError), next(d))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1], (), range(3))))
