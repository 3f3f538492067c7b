def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        wrapper.__name__ = func.__name__
        wrapper.__doc__ = func.__doc__
        return wrapper
    return decorator

@repeat(3)
def shout(word):
    """Return the word in capitals."""
    return word.upper()

print(shout("hey"))
print(shout.__name__, shout.__doc__)

def prefix(tag):
    def decorator(func):
        def wrapper(*args, **kwargs):
            return f"[{tag}] " + func(*args, **kwargs)
        return wrapper
    return decorator

@prefix("INFO")
@prefix("app")
def message(text):
    return text

print(message("started"))

def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), len(fib.cache))
