# bool(): truthiness of every builtin kind, __bool__ and __len__, constructor errors
vals = [0, 1, -1, 0.0, -0.0, 0.5, float("nan"), "", "a", " ", [], [0], (), (0,), {}, {0: 0},
        set(), {0}, None, range(0), range(1), True, False]
print([bool(v) for v in vals])
print(bool(), bool(bool), type(bool(1)).__name__, bool(1) is True, bool(0) is False)
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(T()), bool(L()), bool(Plain()))
class BadBool:
    def __bool__(self):
        return 1
for f in [lambda: bool(1, 2), lambda: bool(x=1), lambda: bool(BadBool())]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print(True + True, True * 3, -True, ~False, True / 2, True // 2, True ** 0, abs(True))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + 0).__name__)
print(repr(True), str(False), f"{True}", f"{True:d}", f"{False:>6}", format(True, "04"), "%s %d" % (True, True))
print(isinstance(True, int), issubclass(bool, int), True == 1, False == 0.0, hash(True) == hash(1))
