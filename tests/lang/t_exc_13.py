# ExceptionGroup construction rules, derive(), split/subgroup recursion, metadata copied to parts
b = BaseExceptionGroup('b', [ValueError(1)])
print(type(b).__name__)
b = BaseExceptionGroup('b', [KeyboardInterrupt()])
print(type(b).__name__, b.subgroup(KeyboardInterrupt), b.split(Exception))
try:
    ExceptionGroup('x', [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
eg = ExceptionGroup('x',[ValueError(1), ValueError(2)])
print(eg.subgroup(ValueError) is eg, eg.subgroup(lambda e: isinstance(e,ValueError)) is eg, eg.subgroup(lambda e: True) is eg)
m,r = eg.split(ValueError); print(m is eg, r)
n = ExceptionGroup('o',[ExceptionGroup('i',[ValueError(1)]), KeyError(2)])
print(n.subgroup(ExceptionGroup))
print(n.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message=='i'))
print(n.split(KeyError))
class MyEG(ExceptionGroup): pass
x = MyEG('m',[ValueError(1), KeyError(2)])
print(type(x.subgroup(ValueError)).__name__)
class D(ExceptionGroup):
    def derive(self, excs):
        return D(self.message + "!", excs)
d = D('d', [ValueError(1), KeyError(2)])
d.add_note("note1")
try:
    raise d
except D as caught:
    s = caught.subgroup(ValueError)
    print(type(s).__name__, s, s.__notes__, s.__traceback__ is not None)
try:
    eg.subgroup(3)
except TypeError as e:
    print("TypeError:", e)
print(repr(eg), repr(n))
print(eg.derive([KeyError(5)]))
