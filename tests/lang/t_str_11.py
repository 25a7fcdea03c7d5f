# str.format: positional, numbered, named, attribute and index access, format specs, braces
print("{} + {} = {}".format(1, 2, 3), "{1} {0} {1}".format("a", "b"), "{name}!".format(name="Bo"))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}), "{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:5d} {:05.1f} {:x} {:,}".format(3.14159, 42, 2.5, 255, 1234567))
print("{{literal}} {}".format("x"), "{!r} {!s}".format("q", "q"), "{0:{1}}|".format("w", 4))
class P:
    def __init__(self):
        self.x = 3
print("{0.x} {p.x}".format(P(), p=P()))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
