# re-raising: bare raise inside except keeps the exception, raise e, exceptions from except blocks chain
def risky():
    raise KeyError("original")
try:
    try:
        risky()
    except KeyError:
        print("logging and re-raising")
        raise
except KeyError as e:
    print("outer got", repr(e))
try:
    try:
        risky()
    except KeyError as e:
        raise e
except KeyError as e:
    print("raise e:", repr(e))
def handler_fails():
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_call()
try:
    handler_fails()
except NameError as e:
    print("NameError:", e, "| context:", type(e.__context__).__name__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
