#!/usr/bin/env python3
"""Regenerates the expected-value tables of tests/unit/test_format.c.

Every expected value comes from running CPython 3.11 (the oracle), never by hand.
  python3 tests/unit/gen_format_cases.py          -> test case tables (C source) on stdout
  python3 tests/unit/gen_format_cases.py --tables -> Unicode tables for lib/format.c on stdout
  python3 tests/unit/gen_format_cases.py --write  -> rewrites the GENERATED sections of
                                                     tests/unit/test_format.c and lib/format.c
"""
import io
import math
import os
import sys
import unicodedata


def wrap(items, limit=98):
    """Packs C initialiser items into lines of at most `limit` columns."""
    lines, line = [], " "
    for item in items:
        if len(line) + len(item) > limit:
            lines.append(line)
            line = " "
        line += item
    lines.append(line)
    return lines


def unicode_tables():
    ranges, start = [], None
    for c in range(0x110000):
        printable = chr(c).isprintable()
        if not printable and start is None:
            start = c
        if printable and start is not None:
            ranges.append((start, c - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    out = ["/* clang-format off */",
           f"/* Unicode {unicodedata.unidata_version}: code points where str.isprintable() is False. */",
           "static const uint32_t nonprintable_ranges[][2] = {"]
    out.extend(wrap(f" {{0x{lo:X}, 0x{hi:X}}}," for lo, hi in ranges))
    out.append("};")
    zeros = [c for c in range(0x110000) if unicodedata.decimal(chr(c), -1) == 0]
    assert all(unicodedata.decimal(chr(z + i), -1) == i for z in zeros for i in range(10))
    assert sum(1 for c in range(0x110000) if unicodedata.decimal(chr(c), -1) >= 0) == 10 * len(zeros)
    out.append(f"/* Unicode {unicodedata.unidata_version}: every Nd digit zero; each starts a run of ten. */")
    out.append("static const uint32_t decimal_zeros[] = {")
    out.extend(wrap(f" 0x{z:X}," for z in zeros))
    out.append("};")
    spaces = [c for c in range(0x80, 0x110000) if chr(c).isspace()]
    out.append("/* Non-ASCII code points where str.isspace() is True. */")
    out.append("static const uint32_t unicode_spaces[] = {")
    out.extend(wrap(f" 0x{c:X}," for c in spaces))
    out.append("};")
    out.append("/* clang-format on */")
    print("\n".join(out))



# ---------------------------------------------------------------------------
# Test case tables: the inputs are chosen here, every expected value is computed
# by running CPython.

OVERFLOW_MSG = "int too large to fit in 64 bits (asy ints are 64-bit)"
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1
STATUS = {None: "FMT_OK", ValueError: "FMT_VALUE_ERROR", OverflowError: "FMT_OVERFLOW_ERROR",
          TypeError: "FMT_TYPE_ERROR"}
INF, NAN = float("inf"), float("nan")


def c_str(s):
    """A C string literal holding the UTF-8 bytes of s (printable text kept readable)."""
    out = []
    for ch in s:
        cp = ord(ch)
        if ch in '"\\?':
            out.append("\\" + ch)
        elif 0x20 <= cp < 0x7F or (cp >= 0xA0 and ch.isprintable()):
            out.append(ch)
        else:
            out.extend("\\%03o" % b for b in ch.encode("utf-8", "surrogatepass"))
    return '"' + "".join(out) + '"'


def S(s):
    return f"S({c_str(s)})"


def c_double(x):
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "-INFINITY"
    return f"{x.hex()} /* {x!r} */"


def c_int(v):
    return "INT64_MIN" if v == INT64_MIN else f"INT64_C({v})"


def run(fn):
    """(status, text): the result of fn() or the exception message."""
    try:
        return "FMT_OK", fn()
    except (ValueError, OverflowError, TypeError) as e:
        return STATUS[type(e)], str(e)


def fits(v):
    if not INT64_MIN <= v <= INT64_MAX:
        raise OverflowError(OVERFLOW_MSG)
    return str(v)


def table(ctype, name, rows):
    print(f"static const {ctype} {name}[] = {{")
    for row in rows:
        print(f"    {{{', '.join(row)}}},")
    print("};")
    print()


REPR_VALUES = [
    0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 1e-5, 1e-4, 1.5e-7,
    1e300, 1e-300, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 123456789.0,
    1234567890123456.0, 12345678901234567.0, 2.0**53, 2.0**53 + 2, 2.0**63, -2.0**63, 2e16 + 8,
    100.0, 1e22, 1e23, 9.999999999999999e22, 0.5, 0.25, 0.001, 0.0001, 0.00001, 3.14159,
    -273.15, 2.675, 1.35, 6.02214076e23, 6.62607015e-34, sum([0.1] * 10), 0.1 * 10, 1.1 * 1.1,
    1.0 % 0.1, 4.35, 0.3, 7.0e-10, 12345.678, 1e100, 2.0**-1074 * 3, 2.0**-1022, 2.0**1023,
    9007199254740993.0, 0.1 + 0.7, 1e21, 1e-7, 123e-20, INF, -INF, NAN,
    math.ldexp(1, 345), math.ldexp(1, -600), math.ldexp(1, 100),
]

FLOAT_SPECS = [
    ("", [1.0, 1e16, -0.0, 1e-5, 0.1, INF, NAN, 1234.5]),
    (".2", [1234.5, 0.125, 1.0, 100.0, 0.0001234]),
    (".3", [1e16, 1.0, 123.0, 1234.0, 1e-5]),
    (".0", [0.0, 100.0, 1.5]),
    (".4", [100.0]), (".1", [100.0, 0.05]),
    (".1f", [0.15, 0.25, 0.35, 0.05, -0.05, 2.5]), (".2f", [2.675, 1.005, 0.125, 1e16, -0.001]),
    (".0f", [0.5, 1.5, 2.5, -0.5, 1e20]), ("#.0f", [1.5, 2.0]), ("f", [1e100, 5e-324, 1.0, INF, -INF, NAN]),
    ("F", [INF, NAN, 1.5]), (".20f", [0.1]), (".60f", [0.1]), (".1100f", [5e-324]),
    ("e", [0.0, 12345.678, 5e-324, 1.7976931348623157e308, -1.5]), (".0e", [1.5, 2.5, 9.5]),
    ("#.0e", [1.5]), (".1e", [9.96, 5e-324]), ("E", [1.5, INF, NAN]), (".3E", [123456.0]),
    ("g", [0.0, 0.0001, 0.00001, 123456.0, 1234567.0, 1e16, 100.0, 1.0]), ("#g", [1e-5, 1.0, 0.0]),
    (".0g", [123.0]), (".1g", [0.15]), ("G", [1e-10, INF]), (".3g", [1234567.0, 0.0001234]),
    ("n", [1234.5, 1e16]), (".2n", [1234.5]),
    ("%", [0.5, 1.0, 0.001, INF, -0.125]), (".0%", [0.5, 12.5, 0.005]), (".1%", [0.1234]),
    (",", [1234567.891, 1e20, 1234.5, 0.5, -1234567.0]), ("_", [1234567.891, 1e6]),
    (",.2f", [1234567.891, -1234567.891, 999.999]), ("_.3f", [1234567.0]), (",.0f", [1e20]),
    (",e", [12345.0]), (",g", [1234567.0, 123456.0]), (",%", [123.45]),
    ("010", [INF, 1.5, -1.5, NAN]), ("=+010", [-INF, 1.5]), ("010.2f", [NAN, -3.14159, 3.14159]),
    ("08.3f", [-3.14159]), ("012,.1f", [12345.678, -12345.678]), ("010,", [-0.0, 1234.5]),
    ("015,.2f", [1234567.891]), ("0=15_.2f", [1234567.891]), ("x=15,.2f", [-1234567.891]),
    (">10", [1.5, -1.5]), ("<10", [1.5]), ("^10", [1.5]), ("=10", [-1.5]), ("*^12.3f", [3.14159]),
    ("0<10", [-1.5]), ("0^10", [-1.5]), ("é>8", [1.5]), ("中^9.1f", [2.25]),
    ("+", [1.5, -1.5, 0.0, -0.0, NAN]), (" ", [1.5, -1.5, INF]), ("-", [1.5, -1.5]),
    ("+.2e", [0.0]), (" .3f", [2.0]), ("+08.2f", [3.14159]),
    ("z", [-0.0, -0.001, 0.0]), ("z.1f", [-0.0, -0.001, -0.04, -0.05, -0.06]), ("z.1e", [-0.001]),
    ("z.0f", [-0.4]), ("z.2", [-0.0]), ("z.0%", [-0.001]), ("+z.1f", [-0.01]), ("z", [NAN, -INF]),
    ("#", [1.0, 1e16, 1.5]), ("#.3", [1.0]), ("#.0", [0.0, 15.0]), ("#.3g", [1.0]),
    ("20", [1e-300]), (".30g", [0.1]), (".17g", [0.1]), (".16g", [0.1]), ("1", [123.0]),
    # errors
    ("d", [1.5]), ("c", [1.0]), ("s", [1.5]), ("x", [1.5]), ("b", [1.5]), ("q", [1.5]), ("é", [1.5]),
    ("abc", [1.5]), (".", [1.0]), (".x", [1.0]), (",n", [1.0]), (",_", [1.0]), ("_,", [1.0]),
    (",,", [1.0]), (",d", [1.0]), ("99999999999999999999", [1.0]), (".99999999999999999999", [1.0]),
    (".3000000000f", [1.0]), (".2147483648", [1.0]), ("zd", [1.0]), ("\x00", [1.5]), (",\x00", [1.5]),
    ("5 ", [1.0]), (",\x01", [1.0]), (",\x7f", [1.0]), (",\U0001F600", [1.0]),
]

INT_SPECS = [
    ("", [0, 1, -1, INT64_MAX, INT64_MIN, 1234567]),
    ("d", [42, -42]), ("n", [1234]), ("5", [42, -42, 123456]), ("<5", [42]), ("^7", [1, 12, -12]),
    (">6", [True]), ("=6", [-42]), ("05", [42, -42]), ("08", [5, -5]), ("<08", [5]), ("^08", [5]),
    ("+", [5, -5, 0]), (" ", [5, -5]), ("-", [5, -5]), ("+05", [5]), (" 05", [-5]),
    (",", [0, 999, 1000, 1234567, -1234567, INT64_MAX, INT64_MIN]), ("_", [1234567, -1000]),
    ("010,", [1234]), ("0=10,", [1234]), ("x=10,", [1234]), ("09,", [1234]), ("08,", [1234, -1234]),
    ("07,", [1234]), ("06,", [1234]), ("010_", [1234]), ("020,", [INT64_MIN]), ("^12,", [-1234567]),
    ("b", [0, 5, -5, 255, INT64_MIN]), ("#b", [0, 255, -255]), ("o", [8, -8]), ("#o", [255, 0]),
    ("x", [255, -255, INT64_MAX, INT64_MIN]), ("X", [255, 3054]), ("#x", [-255, 0, 255]),
    ("#X", [-255]), ("#010x", [255, -255]), ("010x", [255]), ("#012_b", [255]), ("012_b", [255]),
    ("_b", [255, 1023]), ("_x", [0xDEADBEEF, -0xDEADBEEF]), ("#_o", [0o7654321]), ("_X", [2**40]),
    ("c", [65, 0x4E2D, 0x1F600, 0, 0x10FFFF]), ("3c", [65]), ("<3c", [65]), ("^5c", [0x4E2D]),
    ("05c", [65]), ("*>4c", [0xE9]),
    ("e", [5, 0, INT64_MAX]), ("E", [-12345]), (".2f", [True, 5]), ("f", [10**17 + 1]),
    ("%", [5]), (".1%", [-1]), ("g", [1234567]), ("G", [10**20 // 10**5]), (",.2f", [1234567]),
    ("z.2f", [1]), ("+.1e", [0]), ("010.2f", [-7]), ("_e", [123456]),
    # errors
    ("abc", [1, True]), (".2", [1]), (".0", [1]), ("5.2d", [1]), ("z", [1]), ("zd", [1]), ("z,d", [1]),
    ("q", [1, True]), ("s", [1]), ("é", [1]), ("\x01", [1]), ("\x7f", [1]), ("\x80", [1]),
    ("中", [1]), ("\U0001F600", [1]), ("!", [1]), ("~", [1]), ("5 ", [1]), (",s", [1]), (",n", [1]),
    (",c", [1]), ("_c", [1]), (",x", [1]), (",b", [1]), (",o", [1]), (",_", [1]), ("_,", [1]),
    (",,", [1]), ("__", [1]), (".", [1]), (".x", [1]), ("+c", [65]), (" c", [65]), ("#c", [65]),
    ("zc", [65]), ("#,c", [65]), ("c", [-1, 0x110000, INT64_MIN]), ("99999999999999999999", [1]),
    ("\x00", [5, True]), (",\x00", [5]), (",é", [1]), (", ", [1]), ("==", [1]),
]

STR_SPECS = [
    ("", ["abc", "", "é中😀"]), ("s", ["abc"]), ("5", ["ab", "abcdef"]), ("<5", ["é"]), (">6", ["中文"]),
    ("^7", ["ab", "abc"]), ("*^7", ["ab"]), ("é<5", ["s"]), ("😀^7", ["s"]), (".2", ["abc", "é中😀"]),
    (".3", ["中文abc"]), (".0", ["abc"]), ("10.2", ["abcdef"]), ("010", ["abc"]), ("<010", ["abc"]),
    ("x<010", ["abc"]), (">010", ["abc"]), ("\x00<5", ["x"]), ("2", ["abcd"]),
    # errors
    ("+", ["s"]), (" ", ["s"]), ("-", ["s"]), ("z", ["s"]), ("#", ["s"]), ("=", ["s"]), ("=5", ["s"]),
    ("0=", ["s"]), (" =", ["abc"]), ("+z", ["abc"]), ("z#", ["abc"]), ("#=", ["abc"]), (",", ["abc"]),
    ("_", ["abc"]), (",s", ["abc"]), (",d", ["abc"]), ("d", ["a"]), ("x", ["a"]), ("abc", ["s"]),
    (".", ["s"]), ("\x00", ["a"]), ("-\x00", ["a"]), ("5 ", ["a"]),
]

PARSE_INT = [
    ("0x1f", 16), ("0x1f", 0), ("0X1F", 0), ("0x_1f", 16), ("0x_1f", 0), ("0x__1f", 0), ("0_1", 0),
    ("00", 0), ("0_0", 0), ("010", 0), ("010", 10), ("010", 8), ("0o10", 8), ("0o10", 0), ("0b101", 2),
    ("0b101", 0), ("0b101", 16), ("0b1", 11), ("0x", 16), ("0x_", 16), ("1_000", 10), ("1__000", 10),
    ("_1", 10), ("1_", 10), (" 12 ", 10), ("\t12\n", 10), ("- 1", 10), ("-1", 10), ("+1", 10),
    ("+-1", 10), ("", 10), (" ", 10), ("abc", 10), ("abc", 16), ("z", 36), ("Z", 36), ("9", 8),
    ("1\x00", 10), ("12\u00a0", 10), ("\u3000 12", 10), ("1.5", 10), ("0o", 8), ("0", 0), ("-0", 0),
    ("-0x10", 0), ("+0b11", 0), ("0x1f", 8), ("9223372036854775807", 10),
    ("9223372036854775808", 10), ("-9223372036854775808", 10), ("-9223372036854775809", 10),
    ("-0x8000000000000000", 0), ("0xffffffffffffffff", 16), ("99999999999999999999x", 10),
    ("99999999999999999999999999", 10), ("٣", 10), ("١٢٣", 0), ("it's", 10), ("a\"b'c", 10),
    ("\x1b", 10), ("é", 10), ("0_7", 8), ("07", 0), ("0_7", 0), ("0b", 0), ("1e5", 10),
    ("a" * 300, 10), ("0x1F", 0), ("00x1", 0), ("1", 1), ("1", 37), ("1", -1), ("z", 35),
    ("10", 36), ("0b_1", 0), ("0_b1", 0), ("\x1c5\x1f", 10), ("\x855", 10), ("\v\f7\r", 10),
    ("1 2", 10), ("0B11", 2), ("0O17", 8),
]

PARSE_FLOAT = [
    "1.5", " 1.5 ", "x1", "inf", "-inf", "+inf", "INF", "Infinity", "-iNfInItY", "infinit", "nan",
    "-nan", "+NaN", "nAn", "nan(1)", "1e5", "1E5", "1e+5", "1e-5", "1e", "e5", ".5", "5.", ".", "-.5",
    "+.5e1", "1_000.5", "1_000.0_1", "1e1_0", "_1", "1_", "1__0", "1_.5", "1._5", "1_e5", "1e_5",
    "0x1p3", "1e400", "-1e400", "1e-400", "", "  ", " \t\n1\r", "\x1c1\x1f", "\x851", "\u30001",
    "1\x00", "0.1", "00.5", "0_0.5", "1.7976931348623157e308", "4.9e-324", "2.5e-324", "2.4e-324",
    "١٫٥", "١.٥", "1.5.5", "++1", "- 1", "-1", "1 2", "1e5.5", "1.e5", ".e5", "i", "in", "infx",
    "it's", "a" * 250, "1" * 400, "0" * 400 + "1", "1e-9999999999999999999",
    "1e9999999999999999999", "0.30000000000000004", "2.675", "1_2_3", "1.2_3e4_5", "-0", "-0.0",
]

BASES = [(v, b, p) for v in [0, 1, -1, 255, -255, 8, INT64_MAX, INT64_MIN] for b in (2, 8, 10, 16)
         for p in (True, False) if not (b == 10 and p)]

ROUND = [
    (2.675, 2), (0.125, 2), (1.35, 1), (1.25, 1), (1.45, 1), (2.5, 0), (-0.5, 0), (0.5, 0), (-0.4, 0),
    (1234.5, -2), (1250.0, -2), (1350.0, -2), (-1250.0, -2), (1250.5, -2), (15.0, -1), (25.0, -1),
    (1234.5, 0), (1234.5, -3), (1234.5, -4), (5000.0, -4), (5000.1, -4), (4999.9, -4), (-1e24, -10),
    (9.5e22, -23), (1e22, -22), (0.1, 20), (0.1, 1), (1.0 / 3, 5), (5e-324, 323), (5e-324, 324),
    (1e300, 400), (1e300, -300), (1.7976931348623157e308, -308), (1.7976931348623157e308, -307),
    (1.5, -309), (-1.5, -309), (1.5, -400), (INF, 2), (-INF, -2), (NAN, 0), (0.0, 2), (-0.0, -2),
    (123.456, 1), (-123.456, 2), (0.285, 2), (2**63, -2), (99.5, 0), (0.0005, 3), (0.0015, 3),
    (-1.0, -2), (1e16 + 2, -1), (123456789.123456789, 4), (0.9999999999999999, 15),
]

ROUND_TO_INT = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, -2.675, 1e18,
                9.2233720368547748e18, 9.223372036854775807e18, -9.223372036854775808e18, 1e19,
                INF, -INF, NAN, 4503599627370497.0, -0.0, 1e-300]

ROUND_INT = [(1250, -2), (-1250, -2), (1350, -2), (-1350, -2), (15, -1), (25, -1), (-15, -1),
             (1234, 0), (1234, 2), (1249, -2), (1251, -2), (0, -5), (INT64_MAX, -1), (INT64_MIN, -1),
             (INT64_MAX, -18), (INT64_MIN, -18), (9 * 10**18, -19), (-9 * 10**18, -19),
             (4 * 10**18, -19), (INT64_MAX, -20), (INT64_MIN, -25), (5, -1), (-5, -1), (95, -1),
             (INT64_MAX, -19), (5 * 10**18, -19), (INT64_MAX - 7, -1)]

PRINTF_INT = [
    ("%d", 42), ("%i", -3), ("%u", 7), ("%-6d", 42), ("%6d", -42), ("%05d", -3), ("%-05d", -3),
    ("%+d", 5), ("% d", 5), ("%+ d", 5), ("% d", -5), ("%.3d", 5), ("%.3d", -5), ("%08.3d", 5),
    ("%-08.3d", 5), ("%.0d", 0), ("%x", 255), ("%x", -255), ("%X", 255), ("%#x", 255), ("%#X", 255),
    ("%#x", 0), ("%#o", 8), ("%#o", 0), ("%o", -8), ("%.3x", 5), ("%#.3x", 5), ("%#5x", 255),
    ("%#05x", 255), ("%-#5x", 255), ("%#5o", 8), ("%.0x", 0), ("%d", INT64_MIN), ("%x", INT64_MIN),
    ("%o", INT64_MAX), ("%5d", 12345678), ("%c", 65), ("%5c", 65), ("%-3c", 0x4E2D), ("%05c", 65),
    ("%.2c", 65), ("%c", 0x110000), ("%c", -1), ("%c", 0x1F600), ("%e", 5), ("%.2f", 7),
    ("%g", 1234567), ("%ld", 5), ("%hd", 5), ("%lx", 255), ("%20d", INT64_MIN), ("%-+8d", 7),
    ("%+.3x", 10), ("%F", 3),
    ("%y", 1), ("%\u4e2d", 1), ("%", 1), ("%5", 1), ("%lL", 1), ("%hh", 1), ("%\x01", 1), ("%\x1f", 1),
    ("%\x7f", 1), ("%~", 1), ("%5.", 1), ("%5.2", 1),
]

PRINTF_FLOAT = [
    ("%5.2f", 3.14159), ("%08.3f", -3.14159), ("%e", 12345.678), ("%g", 1e16), ("%g", 0.0001),
    ("%g", 1e-5), ("%f", INF), ("%05f", INF), ("%-6f", NAN), ("%F", INF), ("%F", NAN), ("%+f", NAN),
    ("%+f", INF), ("% f", -INF), ("%.0f", 2.5), ("%#.0f", 2.5), ("%#g", 1.0), ("%g", 1.0),
    ("%.0g", 123.0), ("%#.0e", 1.5), ("%10.3e", -0.000123), ("%G", 1e-10), ("%E", 1.5),
    ("%.20f", 0.1), ("% 05.1f", 2.25), ("%+.2e", 0.0), ("%f", -0.0), ("%.1f", 0.05), ("%.1f", 0.25),
    ("%.2f", 2.675), ("%.1000f", 1.0), ("%3.1g", 1234.0), ("%.3g", 1234567.0), ("%.2g", 1.2e-5),
    ("%lf", 1.5), ("%Lf", 1.0), ("% e", 1.0), ("%.1e", 9.96), ("%-10.2f", 1.005), ("%010.2f", -1.5),
    ("%-010.2f", -1.5), ("%+010.2f", 1.5), ("%f", 1e100), ("%g", 5e-324), ("%e", 1.7976931348623157e308),
    ("%.3G", 1e-20), ("%#.3g", 100.0),
    ("%d", 3.7), ("%d", -3.7), ("%i", 1e20), ("%.25d", -1e20), ("%+d", -0.0), ("%d", -0.5),
    ("%5u", 42.9), ("%d", INF), ("%d", -INF), ("%d", NAN), ("%x", 1.5), ("%o", 1.5), ("%X", 1.0),
    ("%c", 1.5), ("%05d", -2.5),
]

STR_REPR = [
    "", "abc", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "new\nline", "cr\r",
    "\x00\x01\x1f\x7f", "\x80\x9f", "\xa0", "\xad", "é", "中文", "😀", "\u200b", "\u2028", "\ufeff",
    "\ud800", "\U000e0001", "\U0010ffff", "\u0378", "\x1b[0m", "'", '"', "'\"", "\\'",
    "Ω≈ç√", "\u0301", "\U0001f1fa\U0001f1f8", "\ue000", "\u3000", "\x85",
]


def gen_cases():
    print("/* clang-format off */")
    table("ReprCase", "repr_cases", [[c_double(x), S(repr(x))] for x in REPR_VALUES])

    rows = []
    for spec, values in FLOAT_SPECS:
        for x in values:
            st, txt = run(lambda: format(x, spec))
            rows.append([c_double(x), S(spec), st, S(txt)])
    table("FloatFmtCase", "float_format_cases", rows)

    rows = []
    for spec, values in INT_SPECS:
        for v in values:
            tn = "bool" if isinstance(v, bool) else "int"
            st, txt = run(lambda: format(v, spec))
            rows.append([c_int(int(v)), f'"{tn}"', S(spec), st, S(txt)])
    table("IntFmtCase", "int_format_cases", rows)

    rows = []
    for spec, values in STR_SPECS:
        for v in values:
            st, txt = run(lambda: format(v, spec))
            rows.append([S(v), S(spec), st, S(txt)])
    table("StrFmtCase", "str_format_cases", rows)

    rows = []
    for txt, base in PARSE_INT:
        st, res = run(lambda: fits(int(txt, base)))
        rows.append([S(txt), str(base), st, S(res)])
    table("ParseCase", "parse_int_cases", rows)

    rows = []
    for txt in PARSE_FLOAT:
        st, res = run(lambda: repr(float(txt)))
        rows.append([S(txt), "0", st, S(res)])
    table("ParseCase", "parse_float_cases", rows)

    fns = {2: bin, 8: oct, 16: hex, 10: str}
    letters = {2: "b", 8: "o", 16: "x", 10: "d"}
    rows = [[c_int(v), str(b), "true" if p else "false",
             S(fns[b](v) if p else format(v, letters[b]))] for v, b, p in BASES]
    table("BaseCase", "base_cases", rows)

    rows = []
    for x, nd in ROUND:
        st, res = run(lambda: repr(round(float(x), nd)))
        rows.append([c_double(float(x)), c_int(nd), st, S(res)])
    table("RoundCase", "round_cases", rows)

    rows = []
    for x in ROUND_TO_INT:
        st, res = run(lambda: fits(round(x)))
        rows.append([c_double(x), st, S(res)])
    table("RoundToIntCase", "round_to_int_cases", rows)

    rows = []
    for v, nd in ROUND_INT:
        st, res = run(lambda: fits(round(v, nd)))
        rows.append([c_int(v), c_int(nd), st, S(res)])
    table("RoundIntCase", "round_int_cases", rows)

    rows = []
    for f, v in PRINTF_INT:
        st, res = run(lambda: f % v)
        rows.append([S(f), c_int(v), st, S(res)])
    table("PrintfIntCase", "printf_int_cases", rows)

    rows = []
    for f, x in PRINTF_FLOAT:
        st, res = run(lambda: f % x)
        rows.append([S(f), c_double(x), st, S(res)])
    table("PrintfFloatCase", "printf_float_cases", rows)

    table("StrReprCase", "str_repr_cases", [[S(s), S(repr(s))] for s in STR_REPR])
    print("/* clang-format on */")


def capture(fn):
    saved, sys.stdout = sys.stdout, io.StringIO()
    try:
        fn()
        return sys.stdout.getvalue()
    finally:
        sys.stdout = saved


def splice(path, text):
    """Replaces the lines between the GENERATED begin/end markers of path."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    begin = next(i for i, l in enumerate(lines) if l.startswith("/* GENERATED by"))
    end = next(i for i, l in enumerate(lines) if l.startswith("/* GENERATED: end"))
    lines[begin + 1:end] = text.rstrip("\n").split("\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    if "--write" in sys.argv:
        splice(os.path.join(root, "tests", "unit", "test_format.c"), capture(gen_cases))
        splice(os.path.join(root, "lib", "format.c"), capture(unicode_tables))
    elif "--tables" in sys.argv:
        unicode_tables()
    else:
        gen_cases()
