"""refscope's enum module, written for refscope (CPython 3.11 behaviour).

Members live where CPython 3.11 keeps them, so refcounts match: in the class
__dict__, in _member_map_ (name -> member, aliases too) and, canonical
members only, in _value2member_map_ (value -> member); _member_names_ holds
only names.  CPython's Lib/enum.py was read to learn the behaviour; the code
is our own.  As in CPython, EnumType.__prepare__ gives the class body an
_EnumDict, which sorts each name out as the body assigns it (member or not,
auto() values, duplicate names); EnumType.__new__ then makes the members it
recorded.  NOTES.md lists what is supported and where this differs from CPython.
"""

from types import MappingProxyType, FunctionType, MethodType

__all__ = [
    'EnumType', 'EnumMeta', 'Enum', 'ReprEnum', 'IntEnum', 'StrEnum',
    'Flag', 'IntFlag', 'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
    'auto', 'unique', 'member', 'nonmember',
]

# Used inside EnumType.__new__, which also makes Enum and Flag themselves:
# None until those classes exist.
Enum = ReprEnum = Flag = None
STRICT = CONFORM = EJECT = KEEP = None


class nonmember:
    """In a class body: `X = nonmember(3)` is a plain attribute, not a member."""
    def __init__(self, value):
        self.value = value


class member:
    """In a class body: `f = member(func)` is a member even though it is a function."""
    def __init__(self, value):
        self.value = value


class _AutoNull:
    def __repr__(self):
        return '_auto_null'

_auto_null = _AutoNull()


class auto:
    """Placeholder: EnumType replaces it with _generate_next_value_(...)."""
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):                   # '__doc__'
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):                   # '_missing_'
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):        # '__x' in class Color is '_Color__x'
    prefix = '_%s__' % cls_name
    return (len(name) > len(prefix) and name.startswith(prefix)
            and not name.endswith('__'))


def _is_descriptor(obj):
    """Methods, classmethods, staticmethods, properties: never members."""
    # (refscope's hasattr() does not see the __get__ of these, CPython's does)
    if isinstance(obj, (FunctionType, MethodType, classmethod, staticmethod,
                        property)):
        return True
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bits(num):
    """The set bits of a non-negative int, lowest first: 13 -> 1, 4, 8."""
    while num:
        lowest = num & -num
        yield lowest
        num ^= lowest


def _bin(num, width=None):
    """bin() with a sign bit, as Flag's error messages show it: 5 -> '0b0 101'."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        text = bin(num + ceiling).replace('1', '0', 1)
    else:
        text = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if width is not None and len(digits) < width:
        digits = (sign[-1] * width + digits)[-width:]
    return '%s %s' % (sign, digits)


_ALLOWED_SUNDERS = ('_order_', '_generate_next_value_', '_numeric_repr_',
                    '_missing_', '_ignore_', '_iter_member_',
                    '_iter_member_by_value_', '_iter_member_by_def_')


class _EnumDict(dict):
    """The namespace an Enum class body runs in: EnumType.__prepare__ makes it.

    Every `NAME = value` in the class body calls __setitem__, which decides
    right then whether NAME is a member; it remembers the members' names in
    definition order (self._member_names) for EnumType.__new__.  Deciding at
    once is what lets later lines use the earlier members' values:

        class Perm(Flag):
            R = auto()          # stored as 1 at once, not as an auto object
            W = auto()          # 2
            RW = R | W          # so this is 1 | 2
    """

    def __init__(self, cls_name):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = []             # in definition order
        self._last_values = []              # the values so far, for auto()
        self._ignore = []                   # names listed in _ignore_
        self._auto_called = False           # has an auto() got its value yet?
        self._generate_next_value = None    # the function that gives auto() values

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass                            # `__x`: a plain attribute
        elif _is_sunder(key):
            self._check_sunder(key, value)
            if key == '_ignore_':
                value = self._ignore
        elif _is_dunder(key):
            if key == '__order__':          # the old spelling of _order_
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass                            # dropped by EnumType.__new__
        elif isinstance(value, nonmember):
            value = value.value             # a plain attribute
        elif _is_descriptor(value):
            pass                            # methods, properties, ...
        else:                               # a member!
            if key in self:                 # e.g. a method of the same name
                raise TypeError('%r already defined as %r' % (key, self[key]))
            value = self._member_value(key, value)
            self._member_names.append(key)
        super().__setitem__(key, value)

    def _check_sunder(self, key, value):
        """`_name_` names: only those Enum knows are allowed."""
        if key not in _ALLOWED_SUNDERS:
            raise ValueError('_sunder_ names, such as %r, are reserved '
                             'for future Enum use' % (key,))
        if key == '_generate_next_value_':
            if self._auto_called:
                raise TypeError('_generate_next_value_ must be defined '
                                'before members')
            if isinstance(value, staticmethod):
                value = value.__func__
            self._generate_next_value = value
        elif key == '_ignore_':
            if isinstance(value, str):
                value = value.replace(',', ' ').split()
            self._ignore = list(value)
            already = set(self._ignore) & set(self._member_names)
            if already:
                raise ValueError('_ignore_ cannot specify already set '
                                 'names: %r' % (already,))

    def _member_value(self, key, value):
        """The value member `key` gets: auto() (alone or in a tuple) is
        replaced by _generate_next_value_(key, 1, members so far, values so far)."""
        if isinstance(value, member):
            value = value.value
        parts = (value,) if isinstance(value, auto) else value
        if type(parts) is not tuple or not any(isinstance(part, auto)
                                               for part in parts):
            self._last_values.append(value)
            return value
        resolved = []
        for part in parts:
            if isinstance(part, auto):
                if part.value is _auto_null:
                    part.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_called = True
                part = part.value
                self._last_values.append(part)
            resolved.append(part)
        if isinstance(value, auto):
            return resolved[0]
        return tuple(resolved)

    def update(self, members=(), **more_members):
        """As dict.update, but through __setitem__ (so it makes members)."""
        if hasattr(members, 'keys'):
            members = [(name, members[name]) for name in members.keys()]
        for name, value in members:
            self[name] = value
        for name, value in more_members.items():
            self[name] = value


def _get_mixins(cls_name, bases):
    """(type of the member values, the Enum class we derive from)."""
    if not bases:
        return object, None
    for chain in bases:
        for base in chain.__mro__:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (cls_name, base))
    first_enum = bases[-1]
    if not isinstance(first_enum, EnumType):
        raise TypeError('new enumerations should be created as '
                        '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
    # the data type: int in IntEnum, str in `class Status(str, Enum)`
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_, first_enum
            elif '__new__' in base.__dict__ or base.__module__ == 'builtins':
                return candidate or base, first_enum
            else:
                candidate = candidate or base
    return object, first_enum


class _MemberRedirect:
    """In the class __dict__ when a member's name is a base-class property
    (a member called `name` or `value`): the class gets the member, its
    members get the property."""

    def __init__(self, member, prop):
        self.member = member
        self.prop = prop

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            return self.member
        return self.prop.fget(instance)

    def __set__(self, instance, value):
        raise AttributeError("<enum %r> cannot set attribute %r"
                             % (type(instance).__name__, self.member._name_))


def _add_member(enum_class, member_name, value):
    """Make one member, or find that it is an alias, and store it."""
    args = value if isinstance(value, tuple) else (value,)
    if enum_class._member_type_ is tuple:
        args = (args,)                  # a tuple enum keeps the whole tuple
    if enum_class._use_args_:
        new_member = enum_class._new_member_(enum_class, *args)
    else:
        new_member = enum_class._new_member_(enum_class)
    if not hasattr(new_member, '_value_'):
        if enum_class._member_type_ is object:
            new_member._value_ = value
        else:
            new_member._value_ = enum_class._member_type_(*args)
    value = new_member._value_
    new_member._name_ = member_name
    new_member.__objclass__ = enum_class
    new_member.__init__(*args)
    new_member._sort_order_ = len(enum_class._member_names_)

    is_flag = Flag is not None and issubclass(enum_class, Flag)
    if is_flag:
        enum_class._flag_mask_ |= value
        if _is_single_bit(value):
            enum_class._singles_mask_ |= value
        enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1

    # An earlier member with the same value?  Then this name is an alias.
    try:
        canonical = enum_class._value2member_map_.get(value)
    except TypeError:                   # unhashable value: look at them all
        canonical = None
        for other in enum_class._member_map_.values():
            if other._value_ == value:
                canonical = other
                break
    if canonical is not None:
        new_member = canonical
    elif not is_flag or _is_single_bit(value):
        enum_class._member_names_.append(member_name)

    # Store it: class __dict__, _member_map_, _value2member_map_.
    for base in enum_class.__mro__[1:]:
        if isinstance(base.__dict__.get(member_name), property):
            prop = base.__dict__[member_name]
            setattr(enum_class, member_name, _MemberRedirect(new_member, prop))
            break
    else:
        setattr(enum_class, member_name, new_member)
    enum_class._member_map_[member_name] = new_member
    try:
        enum_class._value2member_map_.setdefault(value, new_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)


class _proto_member:
    """Stands in for a member in the new class's __dict__ until type.__new__
    calls its __set_name__, which makes the real member and stores it."""

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, member_name):
        delattr(enum_class, member_name)    # _add_member puts the member there
        _add_member(enum_class, member_name, self.value)


class EnumType(type):
    """Metaclass of Enum: makes the members, and makes the class iterable."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        """The mapping the class body runs in: an _EnumDict, which already
        holds the _generate_next_value_ of the Enum we derive from."""
        _, first_enum = _get_mixins(cls, bases)     # (also checks the bases)
        enum_dict = _EnumDict(cls)
        if first_enum is not None:
            enum_dict['_generate_next_value_'] = getattr(
                first_enum, '_generate_next_value_', None)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        # classdict is the _EnumDict the class body ran in.
        member_type, first_enum = _get_mixins(cls, bases)

        # 1. Split the class body into the members and the rest.
        body = dict(classdict.items())
        for name in classdict._ignore + ['_ignore_']:
            body.pop(name, None)        # _ignore_ names were for the body only
        member_names = classdict._member_names
        invalid = [name for name in member_names if name in ('mro', '')]
        # (a member `mro` would hide type.mro(), which Python itself calls)
        if invalid:
            raise ValueError('invalid enum member name(s) %s'
                             % ','.join(repr(name) for name in invalid))
        for name in member_names:   # stand-ins until the class exists
            body[name] = _proto_member(body[name])
        order = body.pop('_order_', None)

        # 2. Members are made by object.__new__, or by a __new__ of our own.
        new = body.get('__new__')
        save_new = first_enum is not None and new is not None
        if new is None:
            new = getattr(first_enum, '__new_member__', None)
        if new is None:
            new = object.__new__ if member_type is object else member_type.__new__
        body['_new_member_'] = new
        body['_use_args_'] = first_enum is not None and new is not object.__new__

        # 3. Bookkeeping, then the class itself.
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        body['_value_repr_'] = None if member_type is object else member_type.__repr__
        if Flag is None:
            is_flag = cls == 'Flag'         # we are making Flag itself
        else:
            is_flag = any(issubclass(base, Flag) for base in bases)
        if is_flag:
            body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
            body['_flag_mask_'] = body['_singles_mask_'] = body['_all_bits_'] = 0
            body['_inverted_'] = None

        # 4. type.__new__ makes the members: it calls each stand-in's
        #    __set_name__, in definition order (before __init_subclass__).
        error = None
        try:
            enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        except RuntimeError as e:
            # type.__new__ wraps what __set_name__ raised: unwrap it
            error = e.__cause__ or e
        if error is not None:
            raise error

        if first_enum is not None:
            # 5. A mixed-in type (int, str) must not take over repr/str/format;
            #    ReprEnum (IntEnum, StrEnum) keeps its str() and format().
            own = enum_class.__dict__
            if ReprEnum in bases:
                if member_type is object:
                    raise TypeError('ReprEnum subclasses must be mixed with a '
                                    'data type (i.e. int, str, float, etc.)')
                if '__format__' not in own:
                    enum_class.__format__ = member_type.__format__
                if '__str__' not in own:
                    enum_class.__str__ = (member_type.__repr__
                                          if member_type.__str__ is object.__str__
                                          else member_type.__str__)
            for name in ('__repr__', '__str__', '__format__'):
                if name not in own and getattr(enum_class, name) in (
                        getattr(member_type, name), getattr(object, name)):
                    setattr(enum_class, name, getattr(first_enum, name))
            if is_flag:
                for name in ('__or__', '__and__', '__xor__', '__ror__',
                             '__rand__', '__rxor__', '__invert__'):
                    if name not in own:
                        setattr(enum_class, name, getattr(Flag, name))
            # 6. Color(1) looks up a member with Enum.__new__; a __new__ from
            #    the class body was only for making the members.
            if save_new:
                enum_class.__new_member__ = new
            enum_class.__new__ = Enum.__new__

        # 7. Flags defined out of value order iterate in definition order.
        if is_flag and Flag is not None:
            values = [m._value_ for m in enum_class]
            if values != sorted(values):
                enum_class._iter_member_ = enum_class._iter_member_by_def_
        if isinstance(order, str):              # 8. check _order_
            order = order.replace(',', ' ').split()
        if order:
            known = enum_class._member_map_
            order = [name for name in order if name not in known or (
                     name in enum_class._member_names_)]
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """Color(1) finds a member; Enum('Color', 'RED GREEN') makes a class."""
        if names is None:
            return cls.__new__(cls, value)
        # The functional API: names is 'A B', ['A', 'B'], [('A', 1)] or {'A': 1}
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs, last_values = [], []
            for count, name in enumerate(names):
                next_value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(next_value)
                pairs.append((name, next_value))
            names = pairs
        elif isinstance(names, dict):
            names = list(names.items())
        # the same steps as a class statement: __prepare__, the "body", __new__
        metacls = cls.__class__
        classdict = metacls.__prepare__(value, bases)
        for name, member_value in names:
            classdict[name] = member_value
        classdict['__module__'] = '__main__' if module is None else module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, value, bases, classdict, boundary=boundary)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (member.__class__.__qualname__,
                               cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getattr__(cls, name):
        # Only called when normal lookup fails: Color.PURPLE -> AttributeError: PURPLE
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __setattr__(cls, name, value):
        # Members cannot be replaced (the class's other attributes can).
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, name))
        super().__delattr__(name)

    @property
    def __members__(cls):
        """Read-only view of name -> member, aliases included."""
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs.

    >>> class Color(Enum):
    ...     RED = 1
    ...     GREEN = 2
    >>> Color.RED, Color(1), Color['RED']
    (<Color.RED: 1>, <Color.RED: 1>, <Color.RED: 1>)
    """

    def __new__(cls, value):
        # All members were made with the class; this only looks one up.
        if type(value) is cls:
            return value                        # Color(Color.RED)
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:                       # unhashable: try them all
            for candidate in cls._member_map_.values():
                if candidate._value_ == value:
                    return candidate
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc, result = e, None
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag)
                and cls._boundary_ is EJECT and isinstance(result, int)):
            return result
        not_valid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise not_valid
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None '
                            'or a valid member' % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = not_valid
        raise exc

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """auto(): one more than the last value, or `start` for the first."""
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                return last + 1
            raise TypeError
        except TypeError:       # (CPython 3.11 also warns: DeprecationWarning)
            for value in reversed(last_values):
                try:
                    return value + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        """Called when Color(value) finds nothing; may return a member."""
        return None

    def __repr__(self):
        value_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_,
                                value_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__'}
        if self._member_type_ is not object:
            names |= set(object.__dir__(self))
        names |= {name for name in self.__dict__
                  if name[0] != '_' and name not in self._member_map_}
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    pass
                elif isinstance(obj, property) and obj.fget is not None:
                    names.add(name)
                elif name not in self._member_map_:
                    names.add(name)
        return sorted(names)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)      # for pickle (python3 only)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @name.setter
    def name(self, new_name):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_

    @value.setter
    def value(self, new_value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also ints.  (python3 only, for now)"""


class StrEnum(str, ReprEnum):
    """Enum where members are also strings.  (python3 only, for now)"""

    def __new__(cls, *values):
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        new_member = str.__new__(cls, value)
        new_member._value_ = value
        return new_member

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def unique(enumeration):
    """Class decorator: raise ValueError if any member is an alias."""
    duplicates = ['%s -> %s' % (name, found.name)
                  for name, found in enumeration.__members__.items()
                  if name != found.name]
    if duplicates:
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, ', '.join(duplicates)))
    return enumeration


class FlagBoundary(Enum):
    """What Flag(value) does with unknown bits.  (A StrEnum in CPython.)"""
    STRICT = 'strict'       # raise ValueError         (Flag)
    CONFORM = 'conform'     # drop them
    EJECT = 'eject'         # return a plain int
    KEEP = 'keep'           # keep them                (IntFlag)

STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _flag_operand(flag, other):
    """The int value to combine `flag` with, or None if `other` does not fit."""
    if isinstance(other, flag.__class__):
        return other._value_
    if flag._member_type_ is not object and isinstance(other, flag._member_type_):
        return other
    return None


class Flag(Enum, boundary=STRICT):
    """Members are bits, combined with |, &, ^ and ~."""

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        """auto(): the next power of two."""
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        """The canonical members in `value`, lowest bit first."""
        for bit in _bits(value & cls._flag_mask_):
            yield cls._value2member_map_.get(bit)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        """The canonical members in `value`, in definition order."""
        yield from sorted(cls._iter_member_by_value_(value),
                          key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        """Make (and cache) a pseudo-member for a combination like READ|WRITE."""
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask, all_bits = cls._flag_mask_, cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            # bits no member has: the boundary says what to do
            if cls._boundary_ is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, _bin(value, width),
                                    _bin(flag_mask, width)))
            if cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP and value < 0:
                value = max(all_bits + 1, 2 ** value.bit_length()) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, _bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, '_value_'):
            pseudo_member._value_ = value
        # its name: the members it is made of, e.g. 'READ|WRITE'
        members = list(cls._iter_member_(value & cls._singles_mask_))
        if value & ~cls._singles_mask_:         # named multi-bit members too
            for m in cls._member_map_.values():
                if m not in members and m._value_ and m._value_ & value == m._value_:
                    members.append(m)
        combined = 0
        for m in members:
            combined |= m._value_
        pseudo_member._name_ = None
        if combined:
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            unknown = value ^ combined
            if unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            if unknown:
                pseudo_member._name_ += '|%s' % cls._numeric_repr_(unknown)
        # cache it, so that (A | B) is (A | B)
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        value_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (self.__class__.__name__, value_repr(self._value_))
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_,
                                value_repr(self._value_))

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        other = _flag_operand(self, other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = _flag_operand(self, other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = _flag_operand(self, other)
        if other is None:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:         # cached on the member, as in CPython
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints.  (python3 only, for now)"""
