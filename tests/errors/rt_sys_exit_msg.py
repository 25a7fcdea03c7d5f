# sys.exit with a message: printed on stderr, exit status 1, no traceback
import sys

print("checking configuration")
sys.exit("error: no configuration file found")
