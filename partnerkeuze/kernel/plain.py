"""Plain data classes: a class writes its ``__init__`` and gets equality, a hash and a repr
from its fields, as a dataclass would.

Why not ``dataclasses``: on Python 3.11 the decorator compiles every method it generates when
the class is defined, about 0.4 ms a class; the 31 classes on the path of ``partnerkeuze check``
took 13 ms of it, and loading ``dataclasses`` (with ``inspect``) 6 ms more, of a command that
should cost no more than five bare interpreter starts (bench/pipeline_speed.py). A class here
costs what any class costs.
"""

from __future__ import annotations


class Plain:
    """A mutable data class (unhashable, as a dataclass is without ``frozen``).

    Its fields are the parameters of its ``__init__``, which stores each under its own name:
    equality compares them (or only those of ``COMPARED``) between objects of the same class;
    the repr shows them in order; ``replace`` copies with some changed.
    """

    __slots__ = ()  # a subclass may hold its fields in slots
    FIELDS: tuple[str, ...] = ()
    COMPARED: tuple[str, ...] | None = None  # the fields equality looks at (None: all)
    __hash__ = None  # type: ignore[assignment]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is not None:
            code = init.__code__
            cls.FIELDS = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]

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
