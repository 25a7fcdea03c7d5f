# case methods: upper lower capitalize title swapcase casefold, on mixed input
for s in ["hello world", "HELLO World", "o'neil's dog-eat-dog", "123abc DEF", "", "élan ÜBER"]:
    print(repr(s.upper()), repr(s.lower()), repr(s.capitalize()), repr(s.title()), repr(s.swapcase()))
print("ÉCOLE".lower(), "über".upper(), "ÀB".casefold())
print("hello"[0].upper() + "hello"[1:], "x".upper().lower().upper())
