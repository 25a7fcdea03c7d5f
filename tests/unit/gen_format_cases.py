#!/usr/bin/env python3
"""Regenerates the expected-value tables of tests/unit/test_format.c.

Every expected value comes from running CPython 3.11 (the oracle), never by hand.
  python3 tests/unit/gen_format_cases.py          -> test case tables (C source)
  python3 tests/unit/gen_format_cases.py --tables -> Unicode tables for lib/format.c
Paste the output between the GENERATED markers of the corresponding file.
"""
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
    out = [f"/* Unicode {unicodedata.unidata_version}: code points where str.isprintable() is False. */",
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
    print("\n".join(out))


if __name__ == "__main__":
    if "--tables" in sys.argv:
        unicode_tables()
