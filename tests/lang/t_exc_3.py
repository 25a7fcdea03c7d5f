# exception chaining: raise ... from sets __cause__, implicit __context__, raise from None suppresses context
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad config value {s!r}") from e
try:
    parse("x")
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| context is cause:", e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(e, "| cause:", e.__cause__, "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("replaced") from None
except TypeError as e:
    print(e, "| cause:", e.__cause__, "| context:", type(e.__context__).__name__, e.__suppress_context__)
fresh = ValueError("new")
print(fresh.__cause__, fresh.__context__, fresh.__suppress_context__)
