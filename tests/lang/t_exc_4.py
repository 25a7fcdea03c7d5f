# exception objects: args, str() and repr() for zero, one and several args; built-in exception reprs
for e in (ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), IndexError(3),
          Exception(None), RuntimeError(""), TypeError(["l"])):
    print(repr(str(e)), repr(e), e.args)
e = OSError("disk")
print(type(e).__name__, e.args, str(e))
try:
    raise ValueError
except ValueError as caught:
    print("raising a class instantiates it:", repr(caught), caught.args)
err = ZeroDivisionError("custom message")
print(isinstance(err, ArithmeticError), str(err))
