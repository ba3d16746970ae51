"""Record: the frozen value class of models and results (reportcli.record)."""
from __future__ import annotations

import pickle

import pytest

from reportcli.record import Record


class Point(Record):
    x: int
    y: int = 0


class Labelled(Point):
    label: str
    note: str | None = None


def test_fields_defaults_and_frozen():
    point = Point(1)
    assert (point.x, point.y, Point._fields) == (1, 0, ("x", "y"))
    assert point == Point(x=1, y=0) and hash(point) == hash(Point(1, 0))
    with pytest.raises(AttributeError):
        point.x = 2
    with pytest.raises(TypeError, match="missing the field 'x'"):
        Point()
    with pytest.raises(TypeError, match="no field 'z'"):
        Point(1, z=3)
    assert point._replace(y=5) == Point(1, 5)
    assert pickle.loads(pickle.dumps(Labelled(1, 2, "a"))) == Labelled(1, 2, "a")


def test_replace_keeps_field_order_and_names_a_misspelt_field():
    changed = Labelled(1, 2, "a")._replace(note="n", x=5)
    assert changed == Labelled(5, 2, "a", "n") and list(vars(changed)) == list(Labelled._fields)
    with pytest.raises(TypeError, match="no field 'z'"):
        Point(1, 2)._replace(z=3)


def test_extending_equals_naming_every_field():
    base = Point(3, 4)
    made = Labelled._extending(base, label="p", note=None)
    assert made == Labelled(**vars(base), label="p") and type(made) is Labelled
    assert list(vars(made)) == list(Labelled._fields)
    assert vars(base) == {"x": 3, "y": 4}  # the base is not changed


@pytest.mark.parametrize("more", [{"label": "p"}, {"note": None, "label": "p"}, {"label": "p", "note": None, "z": 1}])
def test_extending_needs_the_added_fields_in_order(more):
    with pytest.raises(TypeError, match="extends Point with label, note"):
        Labelled._extending(Point(3, 4), **more)


@pytest.mark.parametrize("make", [lambda: Labelled(note="n", label="a", y=2, x=1),  # keywords out of order
                                  lambda: Labelled(1, label="a"),  # defaults filled
                                  lambda: Point(1, 2)._replace(y=7),
                                  lambda: Labelled._extending(Point(3, 4), label="p", note=None)])
def test_pickling_keeps_every_value_under_its_name(make):
    """Build workers send records as their values in field order; however a record was made,
    each value comes back under its own name."""
    record = make()
    back = pickle.loads(pickle.dumps(record))
    assert back == record and type(back) is type(record) and vars(back) == vars(record)
    assert list(vars(back)) == list(type(record)._fields)


def test_a_subclass_keeps_its_bases_defaults():
    assert Labelled(1, label="a") == Labelled(1, 0, "a", None)
