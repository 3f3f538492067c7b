"""Warning control (refscope's warnings module): warn, warn_explicit, the filters list
with filterwarnings, simplefilter and resetwarnings, showwarning, formatwarning and
catch_warnings.

CPython does the work of warn() in C (_warnings); here it is Python, with the same
rules: the filters are tried in order, the actions 'error', 'ignore', 'always',
'default', 'module' and 'once' behave alike, and the registry of warnings already shown
is cleared whenever the filters change.

One difference: CPython keeps each module's registry in a `__warningregistry__` entry
of the module's globals. refscope's globals() hands back a copy, so the registries live
here instead, in `_registries`, one dict per module name (the caller's `__name__`).
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# What a plain `python3 file.py` run starts with: DeprecationWarnings are shown only
# when raised from __main__; a plain string module matches the name exactly.
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}

# Bumped whenever the filters change: a registry with an older version is cleared.
_filters_version = 1

# module name -> that module's registry (CPython's __warningregistry__).
_registries = {}


def _filters_mutated():
    global _filters_version
    _filters_version += 1


# ---------------------------------------------------------------- filters

def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Put a filter at the front of the list (at the end with append=True).
    message and module are regular expressions matched at the start of the warning's
    text (ignoring case) and of the module name."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    if message or module:
        import re
    message = re.compile(message, re.I) if message else None
    module = re.compile(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Put a filter matching every message and module at the front of the list."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _filter_index(item):
    # filters.index(item) written out: refscope's list.remove and `in` break its
    # refcount ledger when the comparison runs a Python __eq__ (re.Pattern's).
    for i, existing in enumerate(filters):
        if existing == item:
            return i
    return -1


def _add_filter(*item, append):
    # A filter already in the list moves to the front; appended, it stays put.
    i = _filter_index(item)
    if not append:
        if i >= 0:
            del filters[i]
        filters.insert(0, item)
    elif i < 0:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Empty the filters list."""
    filters[:] = []
    _filters_mutated()


def _matches(pattern, value):
    # None matches anything, a plain string (the built-in filters) only itself, and a
    # compiled pattern where its match() says so.
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == value
    return bool(pattern.match(value))


def _find_action(category, text, lineno, module):
    """The action of the first filter the warning matches, and that filter."""
    current = filters
    if not isinstance(current, list):
        raise ValueError("_warnings.filters must be a list")
    i = 0
    while i < len(current):
        item = current[i]
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError("_warnings.filters item %d isn't a 5-tuple" % i)
        action, msg, cat, mod, ln = item
        if not isinstance(action, str):
            raise TypeError("action must be a string, not '%s'" % type(action).__name__)
        good_msg = _matches(msg, text)
        good_mod = _matches(mod, module)
        if good_msg and issubclass(category, cat) and good_mod and (ln == 0 or lineno == ln):
            return action, item
        i += 1
    action = defaultaction
    if not isinstance(action, str):
        raise TypeError("warnings.defaultaction must be a string, not '%s'"
                        % type(action).__name__)
    return action, None


# ---------------------------------------------------------------- the registry

def _seen(registry, key, mark):
    """Whether key is in the registry (after clearing it if the filters changed since
    it was filled); with mark, the key is recorded when it was not there."""
    if registry.get("version") != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    elif registry.get(key):
        return True
    if mark:
        registry[key] = True
    return False


# ---------------------------------------------------------------- warn

def _category_for(message, category):
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    try:
        ok = issubclass(category, Warning)
    except TypeError:
        ok = False
    if not ok:
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    return category


def _as_int(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return index(value)


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning: UserWarning unless a category is given. stacklevel 1 blames the
    line that called warn(), 2 the line that called that function, and so on."""
    category = _category_for(message, category)
    stacklevel = _as_int(stacklevel)
    # Frame 1 is warn's caller; a stacklevel of 0 or less also means the caller.
    try:
        frame = sys._getframe(max(stacklevel, 1))
    except ValueError:
        frame = None
    if frame is None:
        filename, lineno, module = "sys", 1, "sys"
    else:
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        module = frame.f_globals.get("__name__")
        if not isinstance(module, str):
            module = "<string>"
    registry = _registries.setdefault(module, {})
    _warn_explicit(message, category, filename, lineno, module, registry, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issue a warning for the given file and line, with the given registry (None: no
    once-per-location memory)."""
    lineno = _as_int(lineno)
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not '%s'"
                        % type(module_globals).__name__)
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module is None:
        module = filename[:-3] if filename.endswith(".py") else filename
        if not module:
            module = "<unknown>"
    _warn_explicit(message, category, filename, lineno, module, registry, source)


def _warn_explicit(message, category, filename, lineno, module, registry, source):
    if isinstance(message, Warning):
        text = str(message)
        category = type(message)
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _seen(registry, key, False):
        return
    action, item = _find_action(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            # With a registry (always, from warn()), once per module and text.
            if registry is None:
                registry = onceregistry
            if _seen(registry, (text, category), True):
                return
        elif action == "module":
            if registry is not None and _seen(registry, (text, category), True):
                return
        elif action != "default":
            raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %r"
                               % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, None, source))


# ---------------------------------------------------------------- showing

class WarningMessage:
    """One warning as catch_warnings(record=True) records it."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line",
                        "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None,
                 source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename,
                                self.lineno, self.line))


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, category, msg.message)
    line = msg.line
    if line is None:
        try:
            import linecache
            line = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    if line:
        s += "  %s\n" % line.strip()
    if msg.source is not None:
        # refscope records no allocation tracebacks: only the hint can be given.
        try:
            import tracemalloc
            suggest = not tracemalloc.is_tracing()
        except Exception:
            suggest = False
        if suggest:
            s += ("%s: Enable tracemalloc to get the object allocation traceback\n"
                  % category)
    return s


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes: 'file:line: Category: message' and the source
    line, stripped and indented by two spaces."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno,
                                              None, line))


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to file (sys.stderr by default)."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    # A program that replaced formatwarning gets its version used.
    fw = formatwarning
    if fw is not _formatwarning_orig:
        return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    # A program that replaced showwarning gets its version called.
    sw = showwarning
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


# ---------------------------------------------------------------- catch_warnings

class catch_warnings:
    """with catch_warnings(): ... puts back the filters and showwarning when the
    block ends. With record=True the block gets a list that collects the warnings
    (as WarningMessage objects) instead of showing them; action= adds a
    simplefilter for the block."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning,
                 lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        module = self._module
        self._filters = module.filters
        module.filters = self._filters[:]
        module._filters_mutated()
        self._showwarning = module.showwarning
        self._showwarnmsg_impl = module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            module._showwarnmsg_impl = log.append
            module.showwarning = module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        module = self._module
        module.filters = self._filters
        module._filters_mutated()
        module.showwarning = self._showwarning
        module._showwarnmsg_impl = self._showwarnmsg_impl
