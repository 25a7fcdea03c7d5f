# finally and control flow: return in finally overrides, break/continue in finally swallow the exception, finally order
def f():
    try:
        return "try"
    finally:
        print("  finally runs before return completes")
def g():
    try:
        return "try"
    finally:
        return "finally wins"
def h():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed"
print(f(), g(), h())
for i in range(3):
    try:
        if i == 1:
            raise KeyError(i)
        print("body", i)
    finally:
        print("finally", i)
        if i == 1:
            continue
for i in range(5):
    try:
        raise RuntimeError("dropped")
    finally:
        break
print("loop ended with i =", i)
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("  n in finally", n)
print(counter())
