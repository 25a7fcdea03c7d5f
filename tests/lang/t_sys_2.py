# sys.exit(code) raises SystemExit: finally blocks run, it can be caught, and the last one sets the exit status 3
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, type(e).__name__, isinstance(e, Exception), isinstance(e, BaseException))
try:
    sys.exit()
except SystemExit as e:
    print("no-arg code:", e.code)
def leave():
    try:
        print("exiting")
        sys.exit(3)
    finally:
        print("finally runs on exit")
leave()
print("never printed")
