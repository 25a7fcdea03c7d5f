# input() from stdin (prompt on stdout, EOFError at the end), exit() and quit() raise SystemExit
name = input("Name? ")
print("Hello,", name)
n = int(input())
print(n * 2)
line = input("> ")
print(repr(line))
try:
    input("last: ")
except EOFError as e:
    print("EOFError:", e)
try:
    input(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    input(prompt="x")
except TypeError as e:
    print("TypeError:", e)
for f in (exit, quit):
    try:
        f()
    except SystemExit as e:
        print("SystemExit", e.args, e.code)
    try:
        f(3)
    except SystemExit as e:
        print("SystemExit", e.args, e.code)
    try:
        f("bye")
    except SystemExit as e:
        print("SystemExit", e.args, e.code)
try:
    exit(1, 2)
except TypeError as e:
    print("TypeError:", e)
print("before exit")
exit(0)
print("not reached")
