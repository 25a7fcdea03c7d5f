# matching handlers: base classes catch subclasses, tuples of types, the first matching clause wins, bare except
def trigger(n):
    return [lambda: 1 / 0, lambda: [][1], lambda: {}["k"], lambda: int("x"), lambda: None.x, lambda: undefined_name][n]()
for i in range(6):
    try:
        trigger(i)
    except ArithmeticError as e:
        print(i, "ArithmeticError branch:", type(e).__name__)
    except LookupError as e:
        print(i, "LookupError branch:", type(e).__name__)
    except (ValueError, AttributeError) as e:
        print(i, "tuple branch:", type(e).__name__)
    except:
        print(i, "bare except")
try:
    raise KeyError("first")
except Exception:
    print("Exception listed first wins")
except KeyError:
    print("never")
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(IndexError, LookupError), issubclass(NameError, Exception))
print(issubclass(StopIteration, Exception), issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException))
print(issubclass(TimeoutError, OSError), issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError))
