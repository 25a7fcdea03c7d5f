# BaseException hierarchy: KeyboardInterrupt/SystemExit/GeneratorExit are not caught by except Exception
for exc in (KeyboardInterrupt, SystemExit, GeneratorExit, ValueError):
    try:
        try:
            raise exc("x")
        except Exception:
            print(exc.__name__, "caught by except Exception")
    except BaseException as e:
        print(type(e).__name__, "only caught by except BaseException")
print([c.__name__ for c in (StopIteration, ArithmeticError, LookupError, OSError) if issubclass(c, Exception)])
