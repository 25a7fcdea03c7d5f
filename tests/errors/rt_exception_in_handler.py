# an exception raised while handling another: "During handling of the above exception, another exception occurred"
def cleanup():
    raise OSError("cleanup failed")

try:
    print(1 / 0)
except ZeroDivisionError:
    cleanup()
