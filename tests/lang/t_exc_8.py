# the name bound by `except ... as e` is deleted after the handler; other names survive
e = "outer value"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
result = None
try:
    1 / 0
except ZeroDivisionError as exc:
    result = exc
print(type(result).__name__, result)
