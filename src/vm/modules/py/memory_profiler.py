"""memory_profiler on refscope's model of memory.

`@profile` prints memory_profiler's line-by-line table after each call of the decorated
function. "Mem usage" is refscope's modelled heap (the sum of sys.getsizeof over every
live object) in MiB, measured at the same moments memory_profiler's tracer measures the
process's memory, so the increments are what each line allocated and freed.
"""

import _memory_profiler as _mp

__version__ = "0.61.0 (refscope model)"


def show_results(measures, filename, first, last, source, stream=None, precision=1):
    template = '{0:>6} {1:>12} {2:>12}  {3:>10}   {4:<}'
    header = template.format('Line #', 'Mem usage', 'Increment', 'Occurrences',
                             'Line Contents')
    out = ['Filename: ' + filename + '\n\n', header + '\n', '=' * len(header) + '\n']
    template_mem = '{0:' + str(precision + 4) + '.' + str(precision) + 'f} MiB'
    for lineno in range(first, last + 1):
        m = measures.get(lineno)
        if m:
            inc = template_mem.format(m[0])
            total = template_mem.format(m[1])
            occurrences = m[2]
        else:
            inc = total = occurrences = ''
        text = source[lineno - 1] if lineno <= len(source) else '\n'
        out.append(template.format(lineno, total, inc, occurrences, text))
    out.append('\n\n')
    text = ''.join(out)
    if stream is None:
        print(text, end='')
    else:
        stream.write(text)


def profile(func=None, stream=None, precision=1, backend='psutil'):
    """Decorator that runs the function and prints a line-by-line memory profile."""
    if func is None:
        def inner_wrapper(f):
            return profile(f, stream=stream, precision=precision, backend=backend)
        return inner_wrapper
    filename, first, last, source = _mp.code_lines(func)

    def wrapper(*args, **kwargs):
        _mp.start(func)
        try:
            val = func(*args, **kwargs)
        finally:
            measures = _mp.stop()
        if measures:
            show_results(measures, filename, first, last, source, stream, precision)
        return val

    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__doc__ = func.__doc__
    wrapper.__wrapped__ = func
    return wrapper


def memory_usage(proc=-1, interval=.1, timeout=None, timestamps=False,
                 include_children=False, multiprocess=False, max_usage=False,
                 retval=False, stream=None, backend=None, max_iterations=None):
    """The model's memory in MiB: [now] for the running program, or for a call
    `(f, args, kwargs)`: [before, peak during, after] (refscope measures the model, so
    there is no sampling interval)."""
    ret = None
    if callable(proc) or isinstance(proc, (tuple, list)):
        if callable(proc):
            f, args, kw = proc, (), {}
        else:
            f = proc[0]
            args = proc[1] if len(proc) > 1 else ()
            kw = proc[2] if len(proc) > 2 else {}
        before = _mp.memory()
        old_peak = _mp.reset_peak()
        ret = f(*args, **kw)
        during = _mp.peak(old_peak)
        result = [before, during, _mp.memory()]
    else:
        result = [_mp.memory()]
    if max_usage:
        result = max(result)
    if retval:
        return result, ret
    return result
