# generator send(): priming with next/send(None), values flowing both ways, send to unstarted generator error
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send(None))
fresh = averager()
try:
    fresh.send(5)
except TypeError as err:
    print("TypeError:", err)
def gen_with_return():
    x = yield 1
    return f"returned {x}"
g = gen_with_return()
next(g)
try:
    g.send("S")
except StopIteration as stop:
    print("StopIteration value:", stop.value)
