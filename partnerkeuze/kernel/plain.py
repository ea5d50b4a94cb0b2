"""Plain data classes: a class declares its fields as a dataclass does (annotations, with
defaults as class attributes and ``Fresh(list)`` for a default made anew for each object), or
writes its own ``__init__`` where creating objects is hot; either way it gets equality, a hash
and a repr from its fields.

Why not ``dataclasses``: on Python 3.11 the decorator compiles every method it generates when
the class is defined, about 0.4 ms a class; the 31 classes on the path of ``partnerkeuze check``
took 13 ms of it, and loading ``dataclasses`` (with ``inspect``) 6 ms more, of a command that
should cost no more than five bare interpreter starts (bench/pipeline_speed.py). A class here
costs what any class costs.
"""

from __future__ import annotations


class Fresh:
    """A default made anew for each object (a dataclass's ``field(default_factory=...)``)."""

    __slots__ = ("make",)

    def __init__(self, make):
        self.make = make


def declared_init(self, *args, **kwargs) -> None:
    """The ``__init__`` of a class that declares its fields: positional, then keyword values,
    then the defaults, in the order of FIELDS (as a dataclass's generated ``__init__``)."""
    cls = type(self)
    fields = cls.FIELDS
    if len(args) > len(fields):
        raise TypeError(f"{cls.__qualname__}() takes {len(fields)} arguments, {len(args)} given")
    values = dict(zip(fields, args))
    for name, value in kwargs.items():
        if name not in fields or name in values:
            raise TypeError(f"{cls.__qualname__}(): unexpected or repeated argument {name!r}")
        values[name] = value
    for name in fields:
        if name not in values:
            if name not in cls.DEFAULTS:
                raise TypeError(f"{cls.__qualname__}(): missing argument {name!r}")
            default = cls.DEFAULTS[name]
            values[name] = default.make() if isinstance(default, Fresh) else default
    self.__dict__.update(values)


class Plain:
    """A mutable data class (unhashable, as a dataclass is without ``frozen``).

    Its fields are the parameters of its ``__init__``, which stores each under its own name:
    equality compares them (or only those of ``COMPARED``) between objects of the same class;
    the repr shows them in order; ``replace`` copies with some changed.
    """

    __slots__ = ()  # a subclass may hold its fields in slots
    FIELDS: tuple[str, ...] = ()
    DEFAULTS: dict = {}  # a declared field's default (a class that declares its fields)
    COMPARED: tuple[str, ...] | None = None  # the fields equality looks at (None: all)
    __hash__ = None  # type: ignore[assignment]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is not None:
            code = init.__code__
            cls.FIELDS = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]
            return
        own = [name for name, kind in cls.__dict__.get("__annotations__", {}).items()
               if not str(kind).startswith("ClassVar")]
        if own:  # declared: the parent's fields, then its own (as a dataclass inherits them)
            defaults = dict(cls.DEFAULTS)
            for name in own:
                if name in cls.__dict__:
                    defaults[name] = cls.__dict__[name]
                    delattr(cls, name)  # the object's own value, never the class's, is read
            cls.FIELDS = tuple(dict.fromkeys(cls.FIELDS + tuple(own)))
            cls.DEFAULTS = defaults
            cls.__init__ = declared_init

    def compared(self) -> tuple:
        """The values equality (and, for a Value, the hash) looks at."""
        return tuple(getattr(self, name) for name in self.COMPARED or self.FIELDS)

    def __eq__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.compared() == other.compared()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({shown})"

    def replace(self, **changes):
        """A copy with the fields named in changes set to their new values."""
        values = {name: getattr(self, name) for name in self.FIELDS}
        values.update(changes)
        return type(self)(**values)

    def as_dict(self) -> dict:
        """The fields and their values, in order."""
        return {name: getattr(self, name) for name in self.FIELDS}


class Value(Plain):
    """An immutable data class: hashable by the values equality compares, so its fields are
    never changed after ``__init__`` (as a frozen dataclass's cannot be)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self.compared())
