# a name differing in the middle by more than 40 characters gets no suggestion
abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz_first = 1
print(zbcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyQ_first)
