# late binding: closures see the variable's final value; default arguments capture the current value
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make():
    hs = []
    for j in range(3):
        def h():
            return j * 10
        hs.append(h)
    j = 100
    return hs
print([h() for h in make()])
def bind_later():
    def show():
        return value
    value = "assigned after def"
    return show()
print(bind_later())
