# uncaught IndexError two calls deep: traceback through both frames, exit status 1
def last(items):
    return items[len(items)]

def report(items):
    print("reporting", len(items), "items")
    return last(items)

report([1, 2, 3])
