"""Weak references (refscope's weakref module).

ref, proxy, getweakrefcount and getweakrefs are native (_weakref). The containers and
finalize below are built on ref callbacks, as CPython's Lib/weakref.py builds them.
"""

from _weakref import (ref, proxy, getweakrefcount, getweakrefs, ReferenceType, ProxyType,
                      CallableProxyType)

ProxyTypes = (ProxyType, CallableProxyType)


class WeakValueDictionary:
    """A mapping whose values are weakly referenced: an entry goes away when its value
    dies."""

    def __init__(self, other=(), **kw):
        self.data = {}
        self.update(other, **kw)

    def _ref(self, key, value):
        selfref = ref(self)

        def remove(wr):
            d = selfref()
            if d is not None and d.data.get(key) is wr:
                del d.data[key]
        return ref(value, remove)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return len([k for k, wr in self.data.items() if wr() is not None])

    def __iter__(self):
        return iter([k for k, wr in list(self.data.items()) if wr() is not None])

    def keys(self):
        return self.__iter__()

    def values(self):
        return iter([v for v in (wr() for wr in list(self.data.values())) if v is not None])

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                out.append((k, v))
        return iter(out)

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *args):
        o = self.data.pop(key)()
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)


class WeakKeyDictionary:
    """A mapping whose keys are weakly referenced: an entry goes away when its key
    dies."""

    def __init__(self, dict=None):
        self.data = {}
        selfref = ref(self)

        def remove(k):
            d = selfref()
            if d is not None:
                try:
                    del d.data[k]
                except KeyError:
                    pass
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len([wr for wr in self.data if wr() is not None])

    def __iter__(self):
        return iter([k for k in (wr() for wr in list(self.data)) if k is not None])

    def keys(self):
        return self.__iter__()

    def values(self):
        return iter([v for wr, v in list(self.data.items()) if wr() is not None])

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            k = wr()
            if k is not None:
                out.append((k, v))
        return iter(out)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, **kw):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)


class WeakSet:
    """A set whose elements are weakly referenced."""

    def __init__(self, data=None):
        self.data = set()
        selfref = ref(self)

        def remove(item):
            s = selfref()
            if s is not None:
                s.data.discard(item)
        self._remove = remove
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len([wr for wr in self.data if wr() is not None])

    def __iter__(self):
        return iter([x for x in (wr() for wr in list(self.data)) if x is not None])

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))


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
