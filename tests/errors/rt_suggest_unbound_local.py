# UnboundLocalError (a NameError subclass) never gets a suggestion
count = 0
def bump():
    count += 1
bump()
