# try/except inside loops with continue/break, retry patterns, and an exception in else/finally
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "connected"
for i in range(5):
    try:
        result = flaky()
    except ConnectionError as e:
        print("retry:", e)
        continue
    else:
        print("success:", result)
        break
    finally:
        print("attempt done", i)
print(issubclass(ConnectionError, OSError))
try:
    try:
        pass
    except Exception:
        print("not reached")
    else:
        raise RuntimeError("raised in else")
    finally:
        print("finally after else raised")
except RuntimeError as e:
    print("caught:", e)
