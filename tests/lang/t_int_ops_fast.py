# int fast paths vs general arithmetic: all operators over edge values, in-place forms
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 62, 63, 64, 100, -100, 2**62, -2**62, 9223372036854775807, -9223372036854775807 - 1]
ops = ["+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>"]
for op in ops:
    out = []
    for a in vals:
        for b in vals:
            if op == "<<" and b > 100: continue
            try:
                r = eval(f"({a}) {op} ({b})")
                if -9223372036854775807 - 1 <= r <= 9223372036854775807: out.append(r)
                else: out.append("big")
            except OverflowError: out.append("big")
            except (ZeroDivisionError, ValueError, MemoryError) as e: out.append(type(e).__name__)
    print(op, out)
x = 7
x %= -3; print(x)
x = -7
x //= 2; print(x)
x <<= 3; print(x)
x >>= 70; print(x)
print(True & True, True ^ False, 5 & True)
