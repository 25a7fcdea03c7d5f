# str predicates: isalpha isdigit isdecimal isnumeric isalnum isspace islower isupper istitle isidentifier isprintable isascii
tests = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", "-5", " ", " \t\n", "\x0b\x0c\r",
         "Hello World", "Hello world", "HELLO WORLD", "hello world", "_name", "name_1",
         "1name", "class", "a b", "é", "café", "ÉTÉ", "Ünïcödé", "日本", "Привет",
         "²", "½", "٣", "一二三", "Ⅻ", "\u2028", "\x00", "tab\there", "ǅ", "ß", "ªº",
         "!@#", "A1", "a.b", "ǅa", "ΑΒΓ", "αβγ", "Σ", "x²", "IV"]
names = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
         "islower", "isupper", "istitle", "isidentifier", "isprintable", "isascii"]
for t in tests:
    flags = []
    for n in names:
        flags.append("1" if getattr(t, n)() else "0")
    print(repr(t).ljust(16), "".join(flags))
print(" ".join(names))
