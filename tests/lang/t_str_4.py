# split/rsplit (sep, maxsplit, whitespace runs), splitlines, partition/rpartition, join
print("a,b,,c".split(","), "  a  b \t c\n".split(), "a b c".split(" ", 1), "a b c".rsplit(" ", 1))
print("".split(), "".split(","), "abc".split("abc"), "x--y--z".split("--"), " a ".split(" "))
print("one two  three".split(None, 1), "a,b,c".rsplit(",", maxsplit=1), "a.b.c".split(".", 0))
print("l1\nl2\r\nl3\rl4".splitlines(), "x\n\ny\n".splitlines(), "x\ny\n".splitlines(True))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "none".partition("="), "none".rpartition("="))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("abc"), " ".join(str(i) for i in range(4)))
try:
    "".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
