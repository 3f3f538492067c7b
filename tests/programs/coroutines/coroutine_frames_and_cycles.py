# A suspended coroutine keeps its frame, and the frame keeps the coroutine's locals:
# refcounts and the collector see them as they see a generator's.
import gc
import sys


class Box:
    pass


class Wait:
    def __await__(self):
        yield "paused"


async def holder(box):
    local = [box]
    await Wait()
    return len(local)


b = Box()
print(sys.getrefcount(b))
c = holder(b)
print(sys.getrefcount(b))          # the frame's argument
print(c.send(None), c.cr_suspended)
print(sys.getrefcount(b))          # the argument and the list
print(c.cr_frame.f_locals["local"][0] is b)

# A cycle through the coroutine's frame: only the collector frees it.
c.cr_frame.f_locals["local"]  # (reading f_locals does not change the count)
box_cycle = Box()
async def selfish():
    me = box_cycle
    await Wait()
co = selfish()
co.send(None)
box_cycle.co = co
del co, box_cycle
gc.collect()
print("collected", gc.collect())
try:
    c.send(None)
except StopIteration as e:
    print("holder returned", e.value)
print(sys.getrefcount(b))
