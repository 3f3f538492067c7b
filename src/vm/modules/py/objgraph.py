"""objgraph on refscope's heap.

The statistics (typestats, most_common_types, growth, get_leaking_objects...) work as
objgraph's do, over gc.get_objects(). show_backrefs and show_refs draw with refscope's own
exporter: filename= gets a PNG, SVG or DOT file (by its extension), written next to the
program; no Graphviz is needed.
"""

import gc
import sys

import _objgraph

__version__ = "3.6.1 (refscope)"


def _short_typename(obj):
    return type(obj).__name__


def _long_typename(obj):
    t = type(obj)
    module = getattr(t, "__module__", None)
    name = t.__name__
    if module is None or module == "builtins":
        return name
    return module + "." + name


def count(typename, objects=None):
    if objects is None:
        objects = gc.get_objects()
    if "." in typename:
        return sum(1 for o in objects if _long_typename(o) == typename)
    return sum(1 for o in objects if _short_typename(o) == typename)


def typestats(objects=None, shortnames=True, filter=None):
    if objects is None:
        objects = gc.get_objects()
    typename = _short_typename if shortnames else _long_typename
    stats = {}
    for o in objects:
        if filter and not filter(o):
            continue
        n = typename(o)
        stats[n] = stats.get(n, 0) + 1
    return stats


def most_common_types(limit=10, objects=None, shortnames=True, filter=None):
    stats = sorted(typestats(objects, shortnames=shortnames, filter=filter).items(),
                   key=lambda item: item[1], reverse=True)
    if limit:
        stats = stats[:limit]
    return stats


def show_most_common_types(limit=10, objects=None, shortnames=True, file=None,
                           filter=None):
    if file is None:
        file = sys.stdout
    stats = most_common_types(limit, objects, shortnames=shortnames, filter=filter)
    width = max(len(name) for name, count in stats)
    for name, count in stats:
        file.write('%-*s %i\n' % (width, name, count))


def growth(limit=10, peak_stats={}, shortnames=True, filter=None):
    gc.collect()
    stats = typestats(shortnames=shortnames, filter=filter)
    deltas = {}
    for name, n in stats.items():
        old = peak_stats.get(name, 0)
        if n > old:
            deltas[name] = n - old
            peak_stats[name] = n
    deltas = sorted(deltas.items(), key=lambda item: item[1], reverse=True)
    if limit:
        deltas = deltas[:limit]
    return [(name, stats[name], delta) for name, delta in deltas]


def show_growth(limit=10, peak_stats=None, shortnames=True, file=None, filter=None):
    if peak_stats is None:
        result = growth(limit, shortnames=shortnames, filter=filter)
    else:
        result = growth(limit, peak_stats, shortnames, filter)
    if result:
        if file is None:
            file = sys.stdout
        width = max(len(name) for name, _, _ in result)
        for name, n, delta in result:
            file.write('%-*s%9d %+9d\n' % (width, name, n, delta))


def get_leaking_objects(objects=None):
    if objects is None:
        gc.collect()
        objects = gc.get_objects()
    ids = set(id(i) for i in objects)
    for i in objects:
        ids.difference_update(id(j) for j in gc.get_referents(i))
    return [i for i in objects if id(i) in ids]


def by_type(typename, objects=None):
    if objects is None:
        objects = gc.get_objects()
    if "." in typename:
        return [o for o in objects if _long_typename(o) == typename]
    return [o for o in objects if _short_typename(o) == typename]


def at(addr):
    for o in gc.get_objects():
        if id(o) == addr:
            return o
    return None


def _chain(obj, predicate, max_depth, extra_ignore, step):
    queue = [obj]
    depth = {id(obj): 0}
    parent = {id(obj): None}
    ignore = set(extra_ignore)
    ignore.update((id(extra_ignore), id(queue), id(depth), id(parent), id(ignore)))
    while queue:
        target = queue.pop(0)
        if predicate(target):
            chain = [target]
            while parent[id(target)] is not None:
                target = parent[id(target)]
                chain.append(target)
            return chain
        tdepth = depth[id(target)]
        if tdepth < max_depth:
            nexts = step(target)
            ignore.add(id(nexts))
            for source in nexts:
                if id(source) in ignore:
                    continue
                if id(source) not in depth:
                    depth[id(source)] = tdepth + 1
                    parent[id(source)] = target
                    queue.append(source)
    return [obj]


def _not_found(name, obj, max_depth):
    # objgraph returns [obj] without a word; say why, on stderr, and return the same.
    sys.stderr.write("refscope: %s found no chain from this %s within max_depth=%d "
                     "references; returning [obj], as objgraph does\n"
                     % (name, type(obj).__name__, max_depth))


def find_backref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """[root, ..., obj]: the shortest chain from an object the predicate accepts; [obj]
    when none is found within max_depth (as objgraph, but refscope says so on stderr)."""
    chain = _chain(obj, predicate, max_depth, extra_ignore, gc.get_referrers)
    if len(chain) == 1 and not predicate(obj):
        _not_found("find_backref_chain", obj, max_depth)
    return chain


def find_ref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """[obj, ..., target]: the shortest chain to an object the predicate accepts."""
    chain = _chain(obj, predicate, max_depth, extra_ignore, gc.get_referents)
    if len(chain) == 1 and not predicate(obj):
        _not_found("find_ref_chain", obj, max_depth)
    chain.reverse()
    return chain


def show_backrefs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
                  highlight=None, filename=None, extra_info=None, refcounts=False,
                  shortnames=True, output=None, extra_node_attrs=None):
    """Draws what refers to objs. filter(obj) -> False leaves an object out,
    extra_ignore lists id()s to leave out, highlight(obj) -> True draws it highlighted,
    extra_info(obj) adds a line of text, shortnames=False titles objects module.Type.
    Refcounts are always shown (as badges)."""
    _objgraph.render(objs, max_depth, too_many, filename, True, filter, extra_ignore,
                     highlight, extra_info, None if shortnames else _long_typename)


def show_refs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
              highlight=None, filename=None, extra_info=None, refcounts=False,
              shortnames=True, output=None, extra_node_attrs=None):
    """Draws what objs refer to; the options are show_backrefs'."""
    _objgraph.render(objs, max_depth, too_many, filename, False, filter, extra_ignore,
                     highlight, extra_info, None if shortnames else _long_typename)


def show_chain(*chains, **kw):
    objs = [chain[-1] for chain in chains if chain]
    in_chains = set(id(o) for chain in chains for o in chain)
    _objgraph.render(objs, max(len(c) for c in chains) if chains else 1,
                     kw.get("too_many", 10), kw.get("filename"), True,
                     lambda o: id(o) in in_chains, (), kw.get("highlight"),
                     kw.get("extra_info"),
                     None if kw.get("shortnames", True) else _long_typename)
