# a context manager that changes state and restores it, even when the body raises; __exit__ raising replaces the error
state = {"indent": 0}
class Indent:
    def __enter__(self):
        state["indent"] += 2
    def __exit__(self, t, v, tb):
        state["indent"] -= 2
def say(msg):
    print(" " * state["indent"] + msg)
say("top")
with Indent():
    say("one")
    with Indent():
        say("two")
    say("back to one")
try:
    with Indent():
        say("about to fail")
        raise ValueError("boom")
except ValueError:
    say("restored after error")
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise KeyError("from __exit__")
try:
    with BadExit():
        raise ValueError("original")
except KeyError as e:
    print("KeyError:", e, "| context:", repr(e.__context__))
