"""The plain data classes (kernel/plain.py) behave as the dataclasses they replace: every
parameter of __init__ is a field stored under its own name, equality and hashing follow the
compared fields, replace() copies with changes."""

from __future__ import annotations

import importlib
import inspect
import pickle

import pytest

from partnerkeuze.kernel.plain import Plain, Value, declared_init

# The modules that define plain classes (importing them registers their subclasses).
MODULES = ("partnerkeuze.kernel.errors", "partnerkeuze.kernel.model", "partnerkeuze.kernel.patch",
           "partnerkeuze.kernel.port", "partnerkeuze.kernel.formulas", "partnerkeuze.kernel.reference",
           "partnerkeuze.kernel.sdg_rules", "partnerkeuze.kernel.snapshot",
           "partnerkeuze.layout.schema", "partnerkeuze.core.planner", "partnerkeuze.core.scoring", "partnerkeuze.core.phrasing",
           "partnerkeuze.features.planning.compute", "partnerkeuze.io.anchor",
           "partnerkeuze.io.leftovers", "partnerkeuze.record.governance.freeze",
           "partnerkeuze.record.procedure.decision", "partnerkeuze.record.procedure.record",
           "partnerkeuze.record.procedure.decided", "partnerkeuze.record.procedure.binding",
           "partnerkeuze.record.procedure.inputs", "partnerkeuze.record.procedure.recording")


def _subclasses(cls) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_subclasses(sub))
    return out


def _classes() -> list[type]:
    for name in MODULES:
        importlib.import_module(name)
    return sorted({c for c in _subclasses(Plain) if c is not Value
                   and c.__module__.startswith("partnerkeuze.")}, key=lambda c: c.__qualname__)


class _Marker:
    """A distinct value per parameter, to see where __init__ stores it."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


@pytest.mark.parametrize("cls", _classes(), ids=lambda c: c.__qualname__)
def test_every_parameter_is_a_field_stored_under_its_own_name(cls):
    if cls.__init__ is not declared_init:  # written by hand: its parameters are the fields
        params = [p.name for p in inspect.signature(cls).parameters.values()]
        assert cls.FIELDS == tuple(params)
    else:  # declared: its annotations, after its parents' fields
        params = list(cls.FIELDS)
        own = [n for n in cls.__dict__.get("__annotations__", {})]
        assert params[len(params) - len(own):] == own and all(n not in cls.__dict__ for n in own)
    given = {name: _Marker(name) for name in params}
    obj = cls(**given)
    assert all(getattr(obj, name) is value for name, value in given.items()), obj
    assert obj.as_dict() == given
    assert obj == cls(**given) and obj.replace() == obj
    changed = obj.replace(**{params[0]: "anders"})
    assert getattr(changed, params[0]) == "anders" and changed != obj
    assert repr(obj).startswith(f"{cls.__qualname__}({params[0]}=<{params[0]}>")


def test_a_value_is_hashed_by_what_it_compares_and_a_plain_object_is_not_hashable():
    from partnerkeuze.kernel.errors import Problem
    from partnerkeuze.kernel.model import Criterion, Model, Settings

    a = Criterion("C01", "Bestuur", 20.0, 0.0, 5.0, questions={"nl": "Hoe?"})
    b = Criterion("C01", "Bestuur", 20.0, 0.0, 5.0, names={"fr": "Gouvernance"})
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != a.replace(weight=30.0)
    first = Problem("Criteria!D6", "het gewicht ontbreekt")
    again = Problem("Criteria!D6", "het gewicht ontbreekt", allows=("freeze",))
    other = Problem("Criteria!D5", "het gewicht ontbreekt")
    assert first == again and len({first, again, other}) == 2
    assert sorted([first, other]) == [other, first] and other < first and first >= other
    assert Problem("A", "b") != ("A", "b")
    model = Model({}, Settings(), [a], [], [], [])
    with pytest.raises(TypeError):
        hash(model)
    assert model == model.replace() and model != model.replace(criteria=[])


def test_scores_hold_no_attribute_dictionary_and_survive_a_pickle():
    from partnerkeuze.kernel.model import Score

    score = Score("K01", "C01", "B1", 4.0, "Goed", row=7)
    assert not hasattr(score, "__dict__")
    assert pickle.loads(pickle.dumps(score)) == score


def test_a_declared_class_takes_its_fields_as_a_dataclass_would():
    from partnerkeuze.kernel.plain import Fresh, Plain

    class Parent(Plain):
        """A declared class."""

        name: str
        size: int = 3

    class Child(Parent):
        """It inherits the fields and adds its own."""

        tags: list = Fresh(list)

    a, b = Child("x"), Child("x", 3)
    assert a == b and (a.name, a.size, a.tags) == ("x", 3, [])
    a.tags.append("t")
    assert b.tags == [] and Child.FIELDS == ("name", "size", "tags")
    assert Child(name="y", size=4, tags=["u"]).as_dict() == {"name": "y", "size": 4, "tags": ["u"]}
    for bad in (lambda: Child(), lambda: Child("x", 1, [], 9), lambda: Child("x", name="y"),
                lambda: Child("x", colour="red")):
        with pytest.raises(TypeError):
            bad()
