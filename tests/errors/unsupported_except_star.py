# asy-only: Python syntax asy leaves out gets a message that says so, not 'invalid syntax'
try:
    pass
except* ValueError:
    pass
