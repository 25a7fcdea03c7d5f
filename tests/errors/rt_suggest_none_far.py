# NameError with no suggestion: nothing is close enough to the name
apple = 1
banana = 2
print(zzqx)
