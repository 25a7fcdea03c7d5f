# an exception raised inside a generator surfaces in the for loop that consumes it
def readings():
    yield 10
    yield 20
    raise RuntimeError("sensor disconnected")

for r in readings():
    print("reading", r)
