# indentation: any consistent width, deep nesting, blocks closed by several dedents at once, blank lines inside blocks
def deep(n):
  if n > 0:
        for i in range(1):
                    while True:


                        if n % 2:
                         return "odd"
                        else:
                            return "even"
  return "zero"
print(deep(3), deep(4), deep(0))
class K:

    def m(self):

        x = 1

        return x
print(K().m())
if True:
    if True:
        if True:
            print("three levels")
print("dedented three at once")
