# and/or short-circuit evaluation and return values, not precedence, mixing with comparisons
def t(tag, v):
    print("  eval", tag)
    return v
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", "") or t("c", "last"))
print(t("a", "first") or t("b", 2))
print(not 1 == 2, not (1 and 0), (not 1) == 2, 1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 0)
print(None or [] or {} or 0, "" and x_undefined, 1 < 2 and "yes", [] or "empty")
