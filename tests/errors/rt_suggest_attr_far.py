# AttributeError with no suggestion: nothing in dir() is close enough
class Box:
    def __init__(self):
        self.width = 1

Box().qqqqq
