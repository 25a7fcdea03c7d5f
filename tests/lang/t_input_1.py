# input() reads lines from stdin (fed from t_input_1.py.stdin), strips the newline, EOFError at end of input
name = input()
age = int(input())
print(f"Hello {name}, next year you will be {age + 1}")
line = input()
print(repr(line))
words = input().split()
print(words, len(words))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
