# chr/ord, bin/oct/hex, divmod, pow: values and error messages
print(chr(97), ord("a"), [ord(c) for c in "AZ az 09"], chr(0x1F600) == "\U0001F600")
print(bin(10), oct(10), hex(10), bin(-10), hex(2 ** 40), int(bin(77), 2), int(hex(77), 16), int(oct(77), 8))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), divmod(0, 5))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(9, 0.5), pow(5, 3, 7), pow(-3, 3))
for bad in (lambda: divmod(1, 0), lambda: pow(0, -1), lambda: hex(1.5), lambda: pow(2, 3, 0)):
    try:
        bad()
    except (ZeroDivisionError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
