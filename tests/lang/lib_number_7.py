# arithmetic and comparison dunders called explicitly: NotImplemented for foreign operands
print((5).__add__(3), (5).__sub__(8), (5).__mul__(-2), (5).__add__(True), True.__add__(True))
print((5).__add__(2.0), (5).__add__("x"), (5).__mul__([1]), (5).__eq__(5.0), (5).__lt__(7.5))
print((2.5).__add__(1), (2.5).__add__(0.5), (2.5).__sub__(True), (2.5).__mul__(2), (2.5).__add__("x"))
print((5).__eq__(5), (5).__eq__(6), (5).__lt__(6), (6).__lt__(5), (5).__eq__("5"), (5).__lt__(None))
print((1.5).__eq__(1.5), (1.5).__eq__(1), (1.0).__eq__(1), (1.5).__lt__(2), (1.5).__lt__("2"))
print((5).__neg__(), (-5).__abs__(), (0).__neg__(), (2.5).__neg__(), (-2.5).__abs__(), True.__neg__())
print((5).__hash__() == hash(5), (2.5).__hash__() == hash(2.5), (2.0).__hash__() == (2).__hash__())
print((7).__truediv__(2), (7).__floordiv__(2), (7).__mod__(3), (2).__pow__(10), (7.5).__floordiv__(2))
print((5).__ne__(5), (5).__le__(5), (5).__gt__(4), (5).__ge__(6), (5).__ne__(1.0))
print(int.__add__(1, 2), float.__mul__(1.5, 2), int.__eq__(3, 3), int.__lt__(True, 2))
for f in [lambda: (5).__add__(), lambda: (5).__add__(1, 2), lambda: (5).__neg__(1),
          lambda: int.__add__("x", 1), lambda: float.__add__(1, 1.0), lambda: int.__add__(),
          lambda: (5).__add__(y=1),
          lambda: (7).__floordiv__(0), lambda: (1.0).__truediv__(0)]:
    try:
        print(f())
    except (TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
