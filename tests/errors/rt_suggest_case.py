# NameError: a case-only difference costs less, so `true` suggests `True`
done = False
while not done:
    done = true
