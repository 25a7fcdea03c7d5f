# asy-only: Python syntax asy leaves out gets a message that says so, not 'invalid syntax'
x = 5
match x:
    case 5:
        print(1)
