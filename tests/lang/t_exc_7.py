# exceptions propagating through nested calls and nested try statements; finally blocks unwind innermost first
def level3():
    try:
        raise IndexError("deep")
    finally:
        print("finally 3")
def level2():
    try:
        level3()
    except KeyError:
        print("wrong handler")
    finally:
        print("finally 2")
def level1():
    try:
        level2()
    except IndexError as e:
        print("handled at level 1:", e)
        return "recovered"
    finally:
        print("finally 1")
print(level1())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        print("inner handler")
        raise TypeError("from handler")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer handler:", e)
