# NameError at module level: a global defined earlier is suggested
message = "hello"
counter = 0
print(mesage)
