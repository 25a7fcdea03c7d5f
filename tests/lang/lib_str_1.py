# str case methods on ASCII text: upper lower capitalize title swapcase casefold
words = ["hello", "HELLO", "Hello World", "hELLO wORLD", "", "123abc", "a1b2c3",
         "they're bill's friends", "snake_case_name", "  spaced  out  ", "MiXeD CaSe 42x",
         "x", "X", "1st 2nd 3rd", "o'neil mc-donald", "tab\tsep\nline"]
for w in words:
    print(repr(w))
    print("  upper     ", repr(w.upper()))
    print("  lower     ", repr(w.lower()))
    print("  capitalize", repr(w.capitalize()))
    print("  title     ", repr(w.title()))
    print("  swapcase  ", repr(w.swapcase()))
    print("  casefold  ", repr(w.casefold()))
s = "Python"
print(s.upper().lower() == s.lower(), s.swapcase().swapcase() == s)
print("abc".upper() is not None, type("abc".title()).__name__)
