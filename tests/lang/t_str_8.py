# repr() of strings: quote choice, escapes for control characters, backslashes, unicode kept
items = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
         "bell\x07", "nul\x00", "é ü 中", "\r", "\x7f", "\u200b"]
for s in items:
    print(repr(s))
print(["a'b", 'c"d'], ("x\ny",), {"k\t": "v"})
print(str("x\ny"), len("\n"), len(r"\n"), "\\" == chr(92))
