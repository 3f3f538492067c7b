# Chained generators pull one item at a time through every stage.
def numbers(limit):
    for n in range(limit):
        print(f"  produce {n}")
        yield n

def squares(source):
    for n in source:
        print(f"  square {n}")
        yield n * n

def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n

pipeline = evens(squares(numbers(5)))
print("pipeline built, nothing produced yet")
for value in pipeline:
    print("consumer got", value)

def take(n, source):
    for i, item in enumerate(source):
        if i >= n:
            return
        yield item

def naturals():
    n = 0
    while True:
        yield n
        n += 1

print(list(take(5, squares(naturals()))))
