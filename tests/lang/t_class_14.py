# class bodies execute at definition time; class attributes computed from earlier ones; methods added later
print("before class")
class Config:
    print("inside class body")
    base = 10
    double = base * 2
    names = [n for n in ("a", "b")]
    def show(self):
        return (self.base, self.double)
print("after class", Config.double, Config.names, Config().show())
def extra(self):
    return "added later"
Config.extra = extra
c = Config()
print(c.extra())
c.base = 1
print(c.show(), Config.base)
class Empty:
    pass
e = Empty()
e.anything = 5
print(e.anything, isinstance(e, object))
