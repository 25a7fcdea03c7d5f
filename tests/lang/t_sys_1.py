# sys module: argv[0] is the script as given, maxsize is 2**63-1 (written without overflowing int64), stdout/stderr write
import sys
print(sys.argv[0], len(sys.argv))
print(sys.maxsize, sys.maxsize == 9223372036854775807, sys.maxsize == (2 ** 62 - 1) * 2 + 1)
n = sys.stdout.write("abc\n")
print(n)
sys.stderr.write("this goes to stderr\n")
print(type(sys.argv).__name__, type(sys.maxsize).__name__)
