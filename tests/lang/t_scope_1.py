# global statement, shadowing, UnboundLocalError for a local read before assignment
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
x = "global"
def shadow():
    x = "local"
    return x
print(shadow(), x)
def read_only():
    return x + "!"
print(read_only())
def broken():
    print(x)
    x = 1
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(issubclass(UnboundLocalError, NameError))
def make_global():
    global created
    created = "made inside a function"
make_global()
print(created)
try:
    print(never_defined)
except NameError as e:
    print("NameError:", e)
