# assert: passing asserts are silent, failing ones raise AssertionError with the optional message expression
assert True
assert 1 + 1 == 2, "never shown"
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(5))
for bad in (0, -3):
    try:
        check(bad)
    except AssertionError as e:
        print("AssertionError:", e, e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(str(e)), e.args)
calls = []
def msg():
    calls.append(1)
    return "lazy"
assert True, msg()
print("message evaluated only on failure:", calls)
