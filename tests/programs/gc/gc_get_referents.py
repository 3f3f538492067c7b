# gc.get_referents lists what a container refers to; lists and tuples report
# their items from the last to the first.
import gc

items = ["a", "b", "c"]
print(gc.get_referents(items))
print(gc.get_referents(("x", "y")))
inner = [1]
outer = [inner, inner]
print(len(gc.get_referents(outer)), all(r is inner for r in gc.get_referents(outer)))
print(gc.get_referents(42), gc.get_referents("text"))
nested = [[1, 2], (3,), [items]]
print(gc.get_referents(nested))
print(gc.get_referents(*nested))
