# AttributeError on a module: sys.agv suggests sys.argv
import sys
print(len(sys.agv))
