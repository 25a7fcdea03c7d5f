# sys.exit with a string prints it to stderr and exits 1; output before it is kept
import sys
print("doing work")
sys.exit("fatal: configuration missing")
