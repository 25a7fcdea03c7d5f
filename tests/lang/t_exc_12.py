# ExceptionGroup without except*: construction, .exceptions, str, nesting, subgroup/split, catching as a whole
eg = ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(str(eg), len(eg.exceptions), [type(e).__name__ for e in eg.exceptions], eg.message)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
vals = eg.subgroup(ValueError)
print(vals, [str(e) for e in vals.exceptions])
match, rest = eg.split(TypeError)
print(match, [str(e) for e in match.exceptions], rest, [str(e) for e in rest.exceptions])
print(eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [ValueError("deep")])])
print(nested, [type(e).__name__ for e in nested.exceptions])
only_val = nested.subgroup(ValueError)
print(only_val, only_val.exceptions[0], only_val.exceptions[0].exceptions)
try:
    raise eg
except ExceptionGroup as caught:
    print("caught group:", caught.message, len(caught.exceptions))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
