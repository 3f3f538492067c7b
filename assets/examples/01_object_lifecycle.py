# Object lifecycle: an object lives exactly as long as something refers to it.
#
# What to watch:
# - Step into create_list(): the list appears with refcount 1, held by the
#   frame variable `my_list` (print's temporary reference adds one while it runs).
# - Step out of the function: the frame is popped, the last reference goes,
#   and the list is freed at once (it fades out as a ghost). No collector is
#   involved; plain reference counting does it.
# - The small ints 1, 2, 3 are cached objects: they stay, shared by everyone.
import sys


def create_list():
    my_list = [1, 2, 3]
    print(f"List created: {my_list}")


create_list()
print("Function finished")

# The same idea at module level: watch the refcount badge of `data`.
data = ["a", "b"]
print(sys.getrefcount(data))  # 2: the name `data` + getrefcount's own argument
alias = data                  # a second name: refcount 2 (3 while getrefcount runs)
print(sys.getrefcount(data))
del alias                     # back to 1
box = [data]                  # a list slot is a reference too
print(sys.getrefcount(data))
del box
del data                      # the last reference: the list is freed on this line
print("data is gone")
