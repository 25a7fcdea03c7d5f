# isinstance/issubclass with tuples and builtin hierarchy, type() identity, callable
print(isinstance(3, int), isinstance(3, float), isinstance(3, (str, int)), isinstance(True, int), isinstance(None, object))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set))
print(isinstance(1.0, (int, float)), isinstance(range(1), range), isinstance(print, object), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, LookupError), issubclass(int, (str, object)))
print(type(1) is int, type(True) is int, type("") == str, type([]).__name__, type(type).__name__, type(None).__name__)
print(callable(len), callable(lambda: 0), callable("x"), callable(int), callable(None))
class A:
    pass
class B(A):
    def __call__(self):
        return "called"
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), issubclass(B, B), callable(B()), callable(A()), B()())
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
