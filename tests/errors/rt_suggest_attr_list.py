# AttributeError on a list: the method with a similar name is suggested
items = [1, 2]
items.apend(3)
