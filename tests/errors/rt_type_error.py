# uncaught TypeError from adding str and int inside a method
class Greeter:
    def greet(self, count):
        return "hello " + count

print(Greeter().greet(3))
