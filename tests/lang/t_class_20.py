# a stack and a queue class used as a small RPN calculator; exceptions for underflow
class StackEmpty(Exception):
    pass
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise StackEmpty("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
def rpn(expr):
    s = Stack()
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    for tok in expr.split():
        if tok in ops:
            b, a = s.pop(), s.pop()
            s.push(ops[tok](a, b))
        else:
            s.push(int(tok))
    return s.pop()
for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "10 4 /", "1 +"]:
    try:
        print(e, "=", rpn(e))
    except StackEmpty as err:
        print(e, "->", err)
