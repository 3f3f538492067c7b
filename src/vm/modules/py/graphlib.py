"""Topological sorting of graphs of hashable nodes (refscope's graphlib module):
TopologicalSorter (add, prepare, get_ready, done, is_active, static_order) and
CycleError, with CPython 3.11's error messages.

The orders are CPython's: nodes become ready in the order in which their last
predecessor was marked done (the first batch in insertion order), and the cycle
reported by prepare() is the first one met by a depth-first walk that starts from
the nodes in insertion order and follows successors in the order the edges were added.
"""

from types import GenericAlias

__all__ = ['TopologicalSorter', 'CycleError']

# Values of _Node.npredecessors once the count of waiting predecessors no longer
# matters: the node was handed out by get_ready(), then marked done().
_PASSED_OUT = -1
_DONE = -2


class _Node:
    """Bookkeeping for one node of the graph."""

    __slots__ = ('node', 'npredecessors', 'successors')

    def __init__(self, node):
        self.node = node
        # Predecessors not yet done; _PASSED_OUT or _DONE afterwards.
        self.npredecessors = 0
        # One entry per edge added, so a repeated edge is counted as often on
        # both ends.
        self.successors = []


class CycleError(ValueError):
    """Subclass of ValueError raised by TopologicalSorter when cycles exist in the graph.

    When a cycle is detected, only one arbitrary cycle will be reported and included in the
    exception. The cycle can be accessed via the second element in the *args*
    attribute of the exception instance. The cycle is represented as a list of nodes
    where each node is a direct predecessor of the next node in the list. The first
    and last nodes in the list are identical to indicate the cycle's completion.
    """


class TopologicalSorter:
    """Provides functionality to topologically sort a graph of hashable nodes"""

    def __init__(self, graph=None):
        self._nodes = {}          # node -> _Node, in insertion order
        self._ready = None        # nodes ready to be handed out; None until prepare()
        self._npassedout = 0      # nodes returned by get_ready() so far
        self._nfinished = 0       # nodes marked done() so far
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Add a new node and its predecessors to the graph.

        Both the *node* and all elements in *predecessors* must be hashable.

        If called multiple times with the same node argument, the set of dependencies
        will be the union of all dependencies passed in.

        It is possible to add a node with no dependencies (*predecessors* is not provided)
        as well as provide a dependency twice. If a node that has not been provided before
        is included among *predecessors* it will be automatically added to the graph with
        no predecessors of its own.

        Raises ValueError if called after "prepare".
        """
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._info(node)
        info.npredecessors += len(predecessors)
        for predecessor in predecessors:
            self._info(predecessor).successors.append(node)

    def prepare(self):
        """Mark the graph as finished and check for cycles in the graph.

        If any cycle is detected, "CycleError" will be raised, but "get_ready" can
        still be used to obtain as many nodes as possible until cycles block more
        progress. After a call to this function, the graph cannot be modified and
        therefore no more nodes can be added using "add".
        """
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        # Set before looking for cycles, so that a caller who catches the CycleError
        # can still process the nodes that the cycle does not block.
        self._ready = [info.node for info in self._nodes.values()
                       if info.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """Return a tuple of all the nodes that are ready.

        Initially it returns all nodes with no predecessors, and once those are marked
        as processed by calling "done", further calls will return all new nodes that
        have all their predecessors already processed. Once no more progress can be
        made, empty tuples are returned.

        Raises ValueError if called without calling "prepare" previously.
        """
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready)
        for node in result:
            self._nodes[node].npredecessors = _PASSED_OUT
        self._ready.clear()
        self._npassedout += len(result)
        return result

    def is_active(self):
        """Return ``True`` if more progress can be made and ``False`` otherwise.

        Progress can be made if cycles do not block the resolution and either there
        are still nodes ready that haven't yet been returned by "get_ready" or the
        number of nodes marked "done" is less than the number that have been returned
        by "get_ready".

        Raises ValueError if called without calling "prepare" previously.
        """
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Marks a set of nodes returned by "get_ready" as processed.

        This method unblocks any successor of each node in *nodes* for being returned
        in the future by a call to "get_ready".

        Raises ValueError if any node in *nodes* has already been marked as
        processed by a previous call to this method, if a node was not added to the
        graph by using "add" or if called without calling "prepare" previously or if
        node has not yet been returned by "get_ready".
        """
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        nodes_info = self._nodes
        for node in nodes:
            info = nodes_info.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.npredecessors
            if state != _PASSED_OUT:
                if state >= 0:
                    raise ValueError(f"node {node!r} was not passed out (still not ready)")
                raise ValueError(f"node {node!r} was already marked done")
            info.npredecessors = _DONE
            # A successor is ready when its last waiting predecessor is done.
            for successor in info.successors:
                successor_info = nodes_info[successor]
                successor_info.npredecessors -= 1
                if successor_info.npredecessors == 0:
                    self._ready.append(successor)
            self._nfinished += 1

    def _find_cycle(self):
        """A list [n0, n1, ..., n0] of nodes on a cycle, or None if there is none.

        Iterative depth-first walk along the successor edges; `path` is the current
        path from the walk's root, and a successor already on it closes a cycle.
        """
        nodes_info = self._nodes
        path = []                 # nodes of the current path
        pending = []              # for each node of the path, an iterator over its successors
        position = {}             # node -> its index in path
        visited = set()
        for start in nodes_info:
            if start in visited:
                continue
            node = start
            while True:
                if node in visited:
                    if node in position:
                        return path[position[node]:] + [node]
                else:
                    visited.add(node)
                    pending.append(iter(nodes_info[node].successors))
                    position[node] = len(path)
                    path.append(node)
                # Continue from the deepest node of the path that has a successor left.
                node = _NO_NODE
                while path:
                    node = next(pending[-1], _NO_NODE)
                    if node is not _NO_NODE:
                        break
                    del position[path.pop()]
                    pending.pop()
                if node is _NO_NODE:
                    break
        return None

    def static_order(self):
        """Returns an iterable of nodes in a topological order.

        The particular order that is returned may depend on the specific
        order in which the items were inserted in the graph.

        Using this method does not require to call "prepare" or "done". If any
        cycle is detected, :exc:`CycleError` will be raised.
        """
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    __class_getitem__ = classmethod(GenericAlias)


# Marks an exhausted successor iterator (None is a valid node).
_NO_NODE = object()
