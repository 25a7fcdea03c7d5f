# generator cleanup: try/finally inside generators when fully consumed, when broken out of (runs only at close), when closed mid-way
def resource(name):
    print("open", name)
    try:
        for i in range(3):
            yield f"{name}{i}"
    finally:
        print("close", name)
for item in resource("a"):
    print(item)
g = resource("b")
for item in g:
    print(item)
    if item == "b1":
        break
print("after break, before explicit close")
g.close()
print("after close")
h = resource("c")
print(next(h))
print(h.close(), "closed mid-way")
print(next(h, "nothing after close"))
print("end")
