# super() chains through several levels: each __init__ and method runs once, in MRO order
class A:
    def __init__(self):
        print("A.__init__")
        self.trail = ["A"]
    def hello(self):
        return "A"
class B(A):
    def __init__(self):
        print("B.__init__ before super")
        super().__init__()
        self.trail.append("B")
    def hello(self):
        return "B>" + super().hello()
class C(B):
    def __init__(self):
        super().__init__()
        print("C.__init__ after super")
        self.trail.append("C")
    def hello(self):
        return "C>" + super().hello()
class D(C):
    pass
d = D()
print(d.trail, d.hello())
class Base:
    def __str__(self):
        return "Base"
class Child(Base):
    def __str__(self):
        return "Child of " + super().__str__()
print(Child())
