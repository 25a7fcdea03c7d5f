# NameError raised by the program itself has no name: no suggestion
length = 10
raise NameError("lenght")
