# string format specs on str values: width, precision truncation, fill/align; format errors
s = "hello"
print(f"[{s:10}] [{s:>10}] [{s:.3}] [{s:>10.2}] [{s:^9.4}] [{s:#<7}]")
print(format("x", "^5"), format("abc", ".1"), format("", "*>3"))
for spec in ("d", "f", ",", "x"):
    try:
        print(format("text", spec))
    except ValueError as e:
        print("ValueError:", e)
for val, spec in ((3.5, "d"), (7, "s"), (1.5, "x")):
    try:
        print(format(val, spec))
    except ValueError as e:
        print("ValueError:", e)
