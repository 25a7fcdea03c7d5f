# several context managers in one with (exit in reverse order), nested withs, exceptions in __enter__
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
        return self
    def __exit__(self, *exc):
        print(f"</{self.name}>")
        return False
with Tag("html"), Tag("body") as b, Tag("p"):
    print("text in", b.name)
with Tag("outer"):
    with Tag("inner"):
        print("nested")
class FailsOnEnter:
    def __enter__(self):
        raise RuntimeError("cannot enter")
    def __exit__(self, *a):
        print("never called")
try:
    with Tag("ok"), FailsOnEnter():
        print("body never runs")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
