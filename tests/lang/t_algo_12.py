# a recursive-descent parser and evaluator for arithmetic expressions with precedence and parentheses
class ParseError(Exception):
    pass
def tokenize(s):
    toks, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            toks.append(float(s[i:j]) if "." in s[i:j] else int(s[i:j]))
            i = j
        elif c in "+-*/()":
            toks.append(c)
            i += 1
        else:
            raise ParseError(f"bad character {c!r} at {i}")
    return toks
class Parser:
    def __init__(self, toks):
        self.toks, self.pos = toks, 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None
    def take(self):
        t = self.peek()
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            v = v + self.term() if self.take() == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in ("*", "/"):
            v = v * self.factor() if self.take() == "*" else v / self.factor()
        return v
    def factor(self):
        t = self.take()
        if t == "-":
            return -self.factor()
        if t == "(":
            v = self.expr()
            if self.take() != ")":
                raise ParseError("expected )")
            return v
        if isinstance(t, (int, float)):
            return t
        raise ParseError(f"unexpected {t!r}")
def calc(s):
    p = Parser(tokenize(s))
    v = p.expr()
    if p.peek() is not None:
        raise ParseError(f"trailing {p.peek()!r}")
    return v
for e in ["1 + 2 * 3", "(1 + 2) * 3", "-4 - -2", "2 * (3 + 4) * 5 / 7", "1.5 * 4", "10 / 4", "(1", "2 $ 3", "1 2", "7 - 2 - 1"]:
    try:
        print(e, "=", calc(e))
    except ParseError as err:
        print(e, "->", "ParseError:", err)
    except ZeroDivisionError as err:
        print(e, "->", err)
