# Closures keep objects alive: a nested function holds the variables it uses
# through cells.
#
# What to watch:
# - make_handler's frame ends, but `big` survives: the handler function refers
#   to a closure tuple, the tuple to a cell, the cell to the list.
#   Follow the chain in the backrefs view: function -> tuple -> cell -> list.
# - The handler only needs len(big), yet keeps the whole list alive.
# - Computing what is needed first (`size`) lets the list die with the frame.
# - Deleting the handler frees function, tuple, cell and list in one cascade.
import sys


def make_handler():
    big = list(range(10000))

    def handler():
        return len(big)
    return handler


def make_lean_handler():
    big = list(range(10000))
    size = len(big)

    def handler():
        return size
    return handler          # `big` is freed here, when this frame ends


h = make_handler()
print(h(), h.__code__.co_freevars)
print(sys.getsizeof(h.__closure__[0].cell_contents))

lean = make_lean_handler()
print(lean(), lean.__code__.co_freevars)

del h                       # function, closure tuple, cell and list all go
print("done")
