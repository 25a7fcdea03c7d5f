# try/except/else/finally: which blocks run with no exception, a handled one, and one passing through
def run(kind):
    log = []
    try:
        try:
            log.append("try")
            if kind == "value":
                raise ValueError("v")
            if kind == "key":
                raise KeyError("k")
            log.append("try-end")
        except ValueError:
            log.append("except")
        else:
            log.append("else")
        finally:
            log.append("finally")
        log.append("after")
    except KeyError:
        log.append("outer-except")
    return log
for kind in ("none", "value", "key"):
    print(kind, run(kind))
