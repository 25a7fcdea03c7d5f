#!/usr/bin/env python3
"""Check that every hand-written C file is formatted as .clang-format says.

    python3 tests/check_format.py [--clang-format EXE] [SOURCE_ROOT]

Runs `clang-format --dry-run -Werror` on each .c/.h file under grammar/, vm/,
lib/, cli/ and tests/unit/ (generated code lives in build directories, never
here) and prints one line per file that needs formatting, then
`format: N passed, M failed`. Exit status 1 when any file needs formatting
(the fix is `clang-format -i FILE`); 77, meson's "skipped", when clang-format
is not installed.
"""
import argparse
import os
import shutil
import subprocess
import sys

DIRS = ["grammar", "vm", "lib", "cli", "tests/unit"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clang-format", default="clang-format")
    ap.add_argument("root", nargs="?", default=os.path.join(os.path.dirname(__file__), ".."))
    a = ap.parse_args()
    exe = shutil.which(a.clang_format)
    if not exe:
        print(f"SKIPPED: {a.clang_format} is not installed (apt-get install clang-format)")
        return 77
    files = []
    for d in DIRS:
        for dirpath, _, names in os.walk(os.path.join(a.root, d)):
            files += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith((".c", ".h"))]
    bad = 0
    for f in sorted(files):
        r = subprocess.run([exe, "--dry-run", "-Werror", f], capture_output=True, text=True)
        if r.returncode != 0:
            bad += 1
            print(f"needs formatting: {os.path.relpath(f, a.root)} (clang-format -i {os.path.relpath(f, a.root)})")
    print(f"format: {len(files) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
