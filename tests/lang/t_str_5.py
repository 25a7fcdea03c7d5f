# strip family with and without chars, removeprefix/removesuffix
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."), "path///".rstrip("/"))
print(repr("".strip()), repr("   ".strip()), "aaa".strip("a") == "", "hello".strip(""))
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "file.py".removesuffix(".py"), "file.py".removesuffix(".c"))
print("ababab".removeprefix("ab"), "".removesuffix("x"), "x".removeprefix("x") == "")
