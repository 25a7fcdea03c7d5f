# print(): sep, end, file objects with write(), flush, and argument errors
import sys
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

print()
print(1, "two", 3.0, None, True, [1, "x"], (1,), {"k": "v"})
print("a", "b", sep="")
print("a", "b", sep="--", end="!\n")
print("no newline", end="")
print(" continued")
print("x", "y", sep=None, end=None)
print(sep="|")
print("", end="")
print("tab", "sep", sep="\t")
print(*[1, 2, 3], sep=", ")
print(*"abc")
print("flushed", flush=True)
print("to stdout", file=sys.stdout)
print("to stdout too", file=None)
class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(s)
        return len(s)
    def flush(self):
        self.calls.append("<flush>")
r = Recorder()
print("hello", 42, file=r)
print("a", "b", sep="+", end="", file=r)
print(file=r)
print("x", file=r, flush=True)
print(r.calls)
class Loud:
    def __str__(self):
        return "Loud!"
    def __repr__(self):
        return "Loud()"
print(Loud(), [Loud()], str(Loud()), repr(Loud()))
check(lambda: print(sep=1))
check(lambda: print(end=1))
check(lambda: print(x=1))
check(lambda: print("a", file=1))
check(lambda: print("a", sepp=" "))
class BadStr:
    def __str__(self):
        raise ValueError("no str")
check(lambda: print("before", BadStr()))
class Bad:
    def write(self, s):
        raise RuntimeError("disk full")
check(lambda: print("x", file=Bad()))
print("end")
