# raising an exception class without arguments: the last line is the bare class name
def check(flag):
    if not flag:
        raise NotImplementedError

check(True)
print("first check passed")
check(False)
