"""FIFO, LIFO and priority queues (refscope's queue module), with CPython 3.11's
interface: Queue, LifoQueue, PriorityQueue, SimpleQueue and the Empty and Full
exceptions.

CPython's queues are meant for threads: a get() on an empty queue waits until another
thread puts an item, a put() on a full queue until another thread takes one, join()
until other threads have called task_done() for every item. refscope runs a single
thread, so nobody else can ever do that: where python3 would wait forever (hang), these
queues raise a RuntimeError that says so. With a timeout, python3 waits that long and
then raises Empty or Full; here nothing can change meanwhile, so they are raised at
once, without sleeping. Everything else (the order items come out in, qsize, maxsize,
task_done's count, the `queue` attribute holding the items) is as in python3.
"""

from collections import deque
from heapq import heappush, heappop
import types as _types

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'


# (CPython's Empty is made by its C part, _queue.)
Empty.__module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'


def _blocks_forever(what, why, instead):
    """The error for a wait that could only end if another thread acted."""
    return RuntimeError(
        f"{what} would block forever: {why}, and refscope runs a single thread, so "
        f"no other thread can change that (python3 would hang here). {instead}")


def _check_timeout(timeout):
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class _Lock:
    """Stands for the threading.Lock a Queue keeps in .mutex (refscope has no
    threading): `with q.mutex:` works, and acquiring it while it is held, which would
    deadlock in python3, raises instead."""

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if self._locked:
            if blocking and timeout < 0:
                raise _blocks_forever(
                    'acquire()', 'the lock is already held',
                    'Release it before doing something that takes it again '
                    '(a Queue method called inside `with q.mutex:`).')
            return False
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f'<{state} _thread.lock object at {id(self):#x}>'


class _Condition:
    """Stands for a threading.Condition over the queue's mutex (not_empty, not_full,
    all_tasks_done): nobody ever waits on it, as no other thread could notify."""

    def __init__(self, lock):
        self._lock = lock

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        if timeout is None:
            raise _blocks_forever('Condition.wait()', 'nothing can notify it',
                                  'Pass a timeout.')
        return False

    def notify(self, n=1):
        pass

    def notify_all(self):
        pass

    def __repr__(self):
        return f'<Condition({self._lock!r}, 0)>'


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = _Lock()
        self.not_empty = _Condition(self.mutex)
        self.not_full = _Condition(self.mutex)
        self.all_tasks_done = _Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        '''Indicate that a formerly enqueued task is complete: one call for each item
        got with get(). Raises ValueError if called more times than there were items
        put into the queue.
        '''
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished < 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks = unfinished

    def join(self):
        '''Returns when every item put into the queue has been got and processed
        (task_done() was called for it).

        In python3 join() otherwise waits for other threads to call task_done().
        refscope runs a single thread, so that wait would never end: join() raises a
        RuntimeError instead of hanging.
        '''
        with self.all_tasks_done:
            if self.unfinished_tasks:
                n = self.unfinished_tasks
                raise _blocks_forever(
                    f'{type(self).__name__}.join()',
                    f"{n} task{'s are' if n != 1 else ' is'} unfinished (task_done() "
                    f"was not called for {'them' if n != 1 else 'it'})",
                    'Call task_done() once for each item you get() before join().')

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        with self.mutex:
            return self._qsize()

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        with self.mutex:
            return not self._qsize()

    def full(self):
        '''Return True if the queue is full, False otherwise (not reliable!).'''
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Put an item into the queue.

        If the queue is full: with block false, raise Full; with a timeout, raise Full
        (python3 first waits timeout seconds; nothing could free a slot meanwhile in
        refscope's single thread, so it is raised at once); with block true and no
        timeout, python3 would wait forever: raise RuntimeError.
        '''
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    if self._qsize() >= self.maxsize:
                        raise _blocks_forever(
                            f'{type(self).__name__}.put()',
                            f'the queue is full (maxsize={self.maxsize!r})',
                            'Use put_nowait() or put(item, timeout=...), which '
                            'raise queue.Full.')
                else:
                    _check_timeout(timeout)
                    if self._qsize() >= self.maxsize:
                        raise Full
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.

        If the queue is empty: with block false, raise Empty; with a timeout, raise
        Empty (python3 first waits timeout seconds; nothing could put an item
        meanwhile in refscope's single thread, so it is raised at once); with block
        true and no timeout, python3 would wait forever: raise RuntimeError.
        '''
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                if not self._qsize():
                    raise _blocks_forever(
                        f'{type(self).__name__}.get()', 'the queue is empty',
                        'Use get_nowait() or get(timeout=...), which raise '
                        'queue.Empty, or check empty() first.')
            else:
                _check_timeout(timeout)
                if not self._qsize():
                    raise Empty
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        '''Put an item into the queue if a free slot is available, else raise
        Full.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item if one is available, else raise Empty.'''
        return self.get(block=False)

    # How the items are kept; subclasses (LifoQueue, PriorityQueue, or a user's)
    # override these four.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(_types.GenericAlias)


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).

    Entries are typically tuples of the form:  (priority number, data).
    The items are kept in .queue, a list that is a heap (heapq).
    '''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first (a stack:
    .queue is a list whose end is the top).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded FIFO queue: no maxsize, no task_done() or join().'''

    __slots__ = ('_items',)

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('SimpleQueue() takes no positional arguments')
        if kwargs:
            raise TypeError('SimpleQueue() takes no keyword arguments')
        self._items = deque()

    def put(self, item, block=True, timeout=None):
        '''Put the item on the queue. block and timeout are ignored: this never
        blocks. They are there to match Queue.put().'''
        self._items.append(item)

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.

        If the queue is empty: with block false, or with a timeout, raise Empty (at
        once, where python3 would first wait timeout seconds); with block true and
        no timeout, python3 would wait forever: raise RuntimeError.
        '''
        if block and timeout is not None:
            _check_timeout(timeout)
        if not self._items:
            if block and timeout is None:
                raise _blocks_forever(
                    'SimpleQueue.get()', 'the queue is empty',
                    'Use get_nowait() or get(timeout=...), which raise queue.Empty, '
                    'or check empty() first.')
            raise Empty
        return self._items.popleft()

    def put_nowait(self, item):
        '''The same as put(item): a SimpleQueue is never full.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item if one is available, else raise Empty.'''
        return self.get(block=False)

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        return len(self._items) == 0

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        return len(self._items)

    __class_getitem__ = classmethod(_types.GenericAlias)


# (CPython's SimpleQueue is made by its C part, _queue.)
SimpleQueue.__module__ = '_queue'
