# nonlocal through several levels, class bodies do not create enclosing scopes for methods
def level1():
    v = 1
    def level2():
        def level3():
            nonlocal v
            v += 100
        level3()
        return v
    return level2()
print(level1())
y = "module y"
class C:
    y = "class y"
    def method(self):
        return y
    z = [y for _ in range(1)]
print(C().method(), C.y, C.z)
def shadowing_param(y):
    def inner():
        return y
    return inner()
print(shadowing_param("param y"), y)
