# Function attributes CPython keeps as descriptors, and dir() listing them.
def f(a, b=2, *, c=3):
    x = 1
    def g(): return x
    return g
g = f(1)
print(g.__closure__ is not None, len(g.__closure__), f.__closure__, f.__defaults__, f.__kwdefaults__, type(f.__builtins__).__name__)
print(f.__annotations__, "__name__" in dir(f), "__code__" in dir(f))
