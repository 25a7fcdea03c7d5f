# the suggestion follows a NameError raised while handling another error
value = 1
try:
    1 / 0
except ZeroDivisionError:
    print(valeu)
