# integer format specs: d, sign options, zero padding, thousands separators, bases with #
n = 1234567
print(f"{n:d} {n:,} {n:_} {n:12,} {n:012,} {-n:,} {n:+,}")
for v in (0, 7, -7, 255):
    print(f"{v:d}|{v:+d}|{v: d}|{v:5d}|{v:05d}|{v:<5d}|{v:x}|{v:X}|{v:#x}|{v:o}|{v:#o}|{v:b}|{v:#b}|{v:08b}")
print(f"{255:#06x} {255:_x} {65535:_b} {10:c} {97:c}")
print(format(42), format(42, "05"), format(-3, "+"), format(1000000, ","), format(255, "#X"))
print(f"{12:e} {12:.1f} {12:%} {12:g}")
