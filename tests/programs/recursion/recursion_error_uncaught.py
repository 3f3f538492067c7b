def countdown(n):
    print_if_round(n)
    return countdown(n - 1)

def print_if_round(n):
    if n % 250 == 0 and n >= 0:
        print("at", n)

countdown(500)
