# NameError: equally close globals, the one defined first wins
def area_b(): return 2
def area_a(): return 1
print(area_c())
