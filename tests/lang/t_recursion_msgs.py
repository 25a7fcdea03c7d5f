# RecursionError messages: a __repr__ calling repr(self) names the call, as CPython does
class A:
    def __repr__(self): return repr(self)
try:
    repr(A())
except RecursionError as e:
    print(e)
class B:
    def __str__(self): return str(self)
try:
    str(B())
except RecursionError as e:
    print(e)
def f(): f()
try:
    f()
except RecursionError as e:
    print(e)
class C:
    def __eq__(s, o): return s == o
try:
    C() == 1
except RecursionError as e:
    print(e)
