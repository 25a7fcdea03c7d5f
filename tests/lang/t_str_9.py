# escape sequences, ord/chr round trips, unicode code points and len
s = "\x41\x42\u00e9\u4e2d\t\101\n"
print(repr(s), len(s), [ord(c) for c in s])
print(chr(65), chr(0x263A), chr(233), ord("€"), ord("\n"), chr(ord("a") + 1))
print("\u2022", "\\N", "\u00e9" == "é")
print("a\
b", "line\\n", 'single\'quote', "double\"quote")
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) ^ 32) for c in "Hello"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
