"""Weak references (refscope's weakref module).

ref, proxy, getweakrefcount and getweakrefs are native (_weakref). The containers and
finalize below are built on ref callbacks, as CPython's Lib/weakref.py builds them.
"""

from _weakref import (ref, proxy, getweakrefcount, getweakrefs, ReferenceType, ProxyType,
                      CallableProxyType)

ProxyTypes = (ProxyType, CallableProxyType)


class WeakMethod:
    """A weak reference to a bound method, alive while both its object and its function
    are: calling it gives a new bound method, or None once either died (and then the
    callback, if any, ran once). CPython's subclasses ref; refscope's holds two."""

    __slots__ = ("_obj_ref", "_func_ref", "_meth_type", "_alive", "__weakref__")

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        self_wr = ref(self)

        def _cb(arg):
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)
        self._obj_ref = ref(obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return self._obj_ref == other._obj_ref and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return self._obj_ref != other._obj_ref or self._func_ref != other._func_ref
        return NotImplemented

    def __hash__(self):
        return hash(self._obj_ref)

    def __repr__(self):
        obj = self._obj_ref()
        if obj is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to %r at %#x>" % (id(self), type(obj).__name__, id(obj))


class _IterationGuard:
    """Registers an iteration over a weak container while it runs, so that the entries
    whose referents die meanwhile are removed after it (the container does not change
    size under the loop)."""

    def __init__(self, container):
        self.container = ref(container)

    def __enter__(self):
        c = self.container()
        if c is not None:
            c._iterating.add(self)
        return self

    def __exit__(self, *exc):
        c = self.container()
        if c is not None:
            c._iterating.remove(self)
            if not c._iterating:
                c._commit_removals()


class _WeakMapping:
    """What the two weak dictionaries share: `|`, `|=` and the repr."""

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if hasattr(other, "keys") and hasattr(other, "__getitem__"):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are weakly referenced: an entry goes away when its value
    dies."""

    def __init__(self, other=(), /, **kw):
        self._pending_removals = []
        self._iterating = set()
        self.data = {}
        self.update(other, **kw)

    def _ref(self, key, value):
        selfref = ref(self)

        def remove(wr):
            d = selfref()
            if d is not None:
                if d._iterating:
                    d._pending_removals.append(key)
                elif d.data.get(key) is wr:
                    del d.data[key]
        return ref(value, remove)

    def _commit_removals(self):
        d = self.data
        while self._pending_removals:
            key = self._pending_removals.pop()
            wr = d.get(key)
            if wr is not None and wr() is None:
                del d[key]

    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]

    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)

    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k

    __iter__ = keys

    def values(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for wr in self.data.values():
                v = wr()
                if v is not None:
                    yield v

    def items(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                v = wr()
                if v is not None:
                    yield k, v

    def itervaluerefs(self):
        """The weak references to the values, as an iterator."""
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            yield from self.data.values()

    def valuerefs(self):
        """The weak references to the values, as a list."""
        if self._pending_removals:
            self._commit_removals()
        return list(self.data.values())

    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *args):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kw):
        if self._pending_removals:
            self._commit_removals()
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for k, v in other.items():
                self.data[k] = self._ref(k, v)
        for k, v in kw.items():
            self.data[k] = self._ref(k, v)

    def copy(self):
        if self._pending_removals:
            self._commit_removals()
        new = WeakValueDictionary()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[k] = o
        return new

    __copy__ = copy


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are weakly referenced: an entry goes away when its key
    dies."""

    def __init__(self, dict=None):
        self.data = {}
        selfref = ref(self)

        def remove(k):
            d = selfref()
            if d is not None:
                if d._iterating:
                    d._pending_removals.append(k)
                else:
                    try:
                        del d.data[k]
                    except KeyError:
                        pass
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self._dirty_len = False
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        # A dead weak reference equals no live one: the keys added since are safe.
        d = self.data
        while self._pending_removals:
            k = self._pending_removals.pop()
            try:
                del d[k]
            except KeyError:
                pass

    def _scrub_removals(self):
        d = self.data
        self._pending_removals = [k for k in self._pending_removals if k in d]
        self._dirty_len = False

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        if self._dirty_len and self._pending_removals:
            self._scrub_removals()
        return len(self.data) - len(self._pending_removals)

    def keys(self):
        with _IterationGuard(self):
            for wr in self.data:
                k = wr()
                if k is not None:
                    yield k

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for wr, v in self.data.items():
                if wr() is not None:
                    yield v

    def items(self):
        with _IterationGuard(self):
            for wr, v in self.data.items():
                k = wr()
                if k is not None:
                    yield k, v

    def keyrefs(self):
        """The weak references to the keys, as a list."""
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        self._dirty_len = True
        return self.data.pop(ref(key), *args)

    def popitem(self):
        self._dirty_len = True
        while True:
            wr, v = self.data.popitem()
            k = wr()
            if k is not None:
                return k, v

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kw):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = {}.__class__(dict)
            for k, v in dict.items():
                self.data[ref(k, self._remove)] = v
        if kw:
            self.update(kw)

    def copy(self):
        new = WeakKeyDictionary()
        with _IterationGuard(self):
            for wr, v in self.data.items():
                k = wr()
                if k is not None:
                    new[k] = v
        return new

    __copy__ = copy


class WeakSet:
    """A set whose elements are weakly referenced."""

    def __init__(self, data=None):
        self.data = set()
        selfref = ref(self)

        def remove(item):
            s = selfref()
            if s is not None:
                if s._iterating:
                    s._pending_removals.append(item)
                else:
                    s.data.discard(item)
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        while self._pending_removals:
            self.data.discard(self._pending_removals.pop())

    def __iter__(self):
        with _IterationGuard(self):
            for wr in self.data:
                item = wr()
                if item is not None:
                    # (The loop holds the item until it asks for the next.)
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return type(self)(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == set(map(ref, other))

    __hash__ = None

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return type(self)(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __repr__(self):
        return repr(self.data)


class _Info:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """Calls func(*args, **kwargs) once, when obj dies (or when called first)."""

    _registry = {}
    _count = [0]
    _registered_with_atexit = [False]
    # Set by the exit hook: a finalizer whose object dies after it (at interpreter
    # shutdown) does not call its function.
    _shutdown = [False]

    def __init__(self, obj, func, *args, **kwargs):
        if not finalize._registered_with_atexit[0]:
            # The first finalizer registers the exit hook, as CPython's does.
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit[0] = True
        info = _Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._count[0] += 1
        info.index = finalize._count[0]
        finalize._registry[self] = info

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None and not finalize._shutdown[0]:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    @staticmethod
    def _exitfunc():
        # At exit: the live finalizers marked atexit, newest first; one that a callback
        # adds or removes is taken into account before the next.
        while True:
            pending = [(info.index, f) for f, info in finalize._registry.items()
                       if info.atexit]
            if not pending:
                break
            pending.sort(key=lambda item: item[0])
            pending[-1][1]()
        finalize._shutdown[0] = True

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))
