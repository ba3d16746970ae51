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


def test_make_takes_every_value_in_field_order():
    made = Labelled._make((1, 2, "a", None))
    assert made == Labelled(1, 2, "a") and list(vars(made)) == list(Labelled._fields)
    for wrong in [(1, 2, "a"), (1, 2, "a", None, 5)]:  # no default is filled in, nothing is dropped
        with pytest.raises(TypeError, match="takes 4 values"):
            Labelled._make(wrong)


def test_rows_read_back_from_an_index_are_the_records_parsed(cli, tmp_path):
    """Store makes figures, targets and reports from their columns by position (Record._make):
    each value must come back under its own name, as the parser made it."""
    from conftest import ROOT, write
    from reportcli.index.store import Store
    from reportcli.parse.report import parse_report

    seed = next((ROOT / "seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    source = write(tmp_path / "in" / "report.txt", text)
    assert cli("build", str(source.parent), "-o", str(tmp_path / "ix.sqlite"))[0] == 0
    store = Store.open(tmp_path / "ix.sqlite")
    (report,) = store.reports()
    parsed = parse_report(text)
    assert (report.id, report.year, report.region, report.paragraphs) == \
        ("report", parsed.metadata.year, parsed.metadata.region, len(parsed.paragraphs))
    stored = store.figures(report)
    assert len(stored) == len(parsed.figures) > 50
    # the index adds the report's id and the section's path
    assert [f._replace(report=None, section="") for f in stored] == list(parsed.figures)
    assert {f.report for f in stored} == {"report"} and stored[0].section.startswith("一、")
    targets = store.goals(report)
    assert len(targets) == len(parsed.goals) > 10
    assert sorted((g._replace(report=None, section="") for g in targets), key=lambda g: (g.paragraph, g.start)) == \
        sorted((g._replace(section="") for g in parsed.goals), key=lambda g: (g.paragraph, g.start))


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
