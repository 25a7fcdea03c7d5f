# A builtin function stored on a class never binds (it is not a descriptor);
# methods of built-in types do, and module functions read through a module
# stay the same object however often they are looked up.
import sys, asyncio


class A:
    f = len
    g = print
    h = list.append

    def __len__(self):
        return 3


a = A()
try:
    a.f()
except TypeError as e:
    print("TypeError:", e)
print(a.f([1, 2]), A.f("abc"))
a.g("printed", "via", "class", sep="-")
print(a.f, A.g)
x = []
try:
    a.h(1)
except TypeError as e:
    print("TypeError:", e)
A.h(x, 5)
print(x)
for i in range(3):
    print(asyncio.sleep is asyncio.sleep, len(sys.argv) > 0)
m = [].append
m(1)
print(type(m).__name__, "ab".upper(), (255).bit_length(), {1: 2}.get(1))
asyncio.x = 1
print(asyncio.x)
asyncio.x = 2
print(asyncio.x)
del asyncio.x
print(hasattr(asyncio, "x"))
