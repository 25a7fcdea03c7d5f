# bound methods: stored and called later, identity of the underlying function, methods of builtins as values
class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def greet(self, name):
        return f"{self.greeting}, {name}"
g1, g2 = Greeter("Hi"), Greeter("Yo")
f = g1.greet
print(f("Ann"), Greeter.greet(g2, "Bob"), f.__self__ is g1, f.__func__ is Greeter.greet)
callbacks = [g1.greet, g2.greet]
print([cb("Cy") for cb in callbacks])
g1.greeting = "Hello"
print(f("Di"))
push = [].append
stack = []
push2 = stack.append
push2(1)
push2(2)
print(stack, type(f).__name__, type(Greeter.greet).__name__)
upper = "abc".upper
print(upper(), list(map(str.strip, [" a ", "b "])))
