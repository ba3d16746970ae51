"""Commands that read every report in turn do work linear in the index: SQLite's virtual-machine
steps for an index of 2N reports are about twice those for N. A statement that scans a table
once a report (paragraphs and blocks have no index on their report) makes them four times: that
made `outline` and `count` take 89 s on 5,000 reports, and replacing reports scan the tables
once each. Counted in VM steps, not seconds, so the test cannot flake."""
from __future__ import annotations

import shutil
import sqlite3
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402 - the benchmarks' generator of varied reports

SMALL, LARGE = 12, 24


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):
    import reportcli

    folder = tmp_path_factory.mktemp("linear")
    generate(folder / "large", LARGE)
    (folder / "small").mkdir()
    for path in sorted((folder / "large").glob("*.txt"))[:SMALL]:
        shutil.copy(path, folder / "small" / path.name)
    built = {}
    for size, name in ((SMALL, "small"), (LARGE, "large")):
        reportcli.build([folder / name], folder / f"{name}.sqlite", jobs=1)
        built[size] = folder / f"{name}.sqlite"
    return built


def _steps(connection: sqlite3.Connection, action) -> int:
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    connection.set_progress_handler(tick, 100)
    try:
        action()
    finally:
        connection.set_progress_handler(None, 0)
    return steps[0]


QUERIES = {
    "outline": lambda ix: ix.outline(),
    "count": lambda ix: ix.count("发展", "创新"),
    "count by section": lambda ix: ix.count("发展", by="section"),
}


@pytest.mark.parametrize("name", QUERIES)
def test_a_query_over_every_report_is_linear_in_them(indexes, name):
    import reportcli

    steps = {}
    for size, index in indexes.items():
        with reportcli.open(index) as ix:
            rows = []
            steps[size] = _steps(ix.store.connection, lambda: rows.extend(QUERIES[name](ix)))
            assert rows
    assert steps[LARGE] < 2.6 * steps[SMALL], steps  # a scan a report: ~4×


# Tables that grow with the index, each row a paragraph, block, word, section, term, figure or target.
_GROWING = ("paragraphs", "blocks", "vocab", "sections", "terms", "figures", "goals")


def test_replacing_a_report_does_not_scan_the_index(indexes, tmp_path):
    """Removing a report (add replaces it) deletes its rows by their keys and ranges, and its
    words from the vocabulary: no statement reads a whole table of paragraphs, blocks or words
    (query plans)."""
    import re

    from collections import Counter

    from reportcli.index.build import _change_vocabulary, _index_packer, _remove_report

    copy = tmp_path / "index.sqlite"
    shutil.copy(indexes[LARGE], copy)
    connection = sqlite3.connect(copy, isolation_level=None)
    connection.execute("BEGIN")
    report_id = connection.execute("SELECT id FROM reports ORDER BY ord LIMIT 1 OFFSET 3").fetchone()[0]
    packer = _index_packer(connection)
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    change = Counter()
    assert _remove_report(connection, report_id, packer, change) is not None
    _change_vocabulary(connection, change)
    assert any(count < 0 for count in change.values())
    connection.set_trace_callback(None)
    scans = set()
    for sql in dict.fromkeys(statements):
        if sql.startswith(("INSERT INTO grams", "BEGIN", "PRAGMA", "--")):  # (-- : FTS5's own statements)
            continue
        for *_, detail in connection.execute(f"EXPLAIN QUERY PLAN {sql}"):
            match = re.match(r"SCAN (\w+)", detail)
            if match and match.group(1) in _GROWING:
                scans.add((match.group(1), sql[:80]))
    assert not scans
    assert connection.execute("SELECT count(*) FROM reports WHERE id = ?", (report_id,)).fetchone()[0] == 0
    connection.execute("ROLLBACK")
    connection.close()


COUNTED = [
    ("metrics", {}), ("metrics", {"code": "gdp_growth"}), ("metrics", {"unit": "亿元", "target": False}),
    ("metrics", {"kind": "change", "minimum": 1, "maximum": 10, "level": "county"}), ("metrics", {"year": 2009}),
    ("goals", {}), ("goals", {"main": True, "code": "gdp_growth"}), ("goals", {"check": True, "level": "county"}),
]


@pytest.mark.parametrize("method, arguments", COUNTED)
def test_a_streamed_answer_counts_the_rows_it_gives(indexes, method, arguments):
    """Past --limit a streamed answer is counted in SQL, not made: the count must be its rows'."""
    import reportcli

    with reportcli.open(indexes[LARGE]) as ix:
        answer = getattr(ix, f"answer_{method}")(stream=True, **arguments)
        assert answer.count is not None
        assert answer.count() == sum(1 for _ in answer.rows) > 0
        assert getattr(ix, f"answer_{method}")("就业", stream=True).count is None  # a query is tested row by row


def test_past_the_limit_targets_are_counted_not_checked(indexes, cli, monkeypatch):
    from reportcli.query import goals as goals_module

    checked = []
    real = goals_module._checked
    monkeypatch.setattr(goals_module, "_checked", lambda *args: checked.append(1) or real(*args))
    code, out, err = cli("--index", str(indexes[LARGE]), "goals", "--check", "--limit", "2", "--json")
    assert code == 0 and len(checked) == 2
    import reportcli

    with reportcli.open(indexes[LARGE]) as ix:
        total = len(ix.goals())
    assert f"showing 2 of {total}; --limit 0 shows all" in err and total > 100


SORTED = [("metrics", {"sort": "value"}), ("metrics", {"sort": "value", "code": "gdp_growth"}),
          ("goals", {"sort": "value"}), ("goals", {"sort": "year", "check": True}), ("goals", {"sort": "year"})]


@pytest.mark.parametrize("method, arguments", SORTED)
@pytest.mark.parametrize("limit", [1, 7, 300])
def test_a_sorted_answer_cut_to_a_limit_keeps_only_the_limit(indexes, method, arguments, limit):
    """Sorted with --limit, only the first rows are kept as they come: the same rows, ties in the
    same order, as sorting everything and cutting it; the total still counts every row."""
    import reportcli

    with reportcli.open(indexes[LARGE]) as ix:
        every = getattr(ix, method)(**arguments)
        assert getattr(ix, method)(limit=limit, **arguments) == every[:limit]
        answer = getattr(ix, f"answer_{method}")(limit=limit, **arguments)
        assert len(answer.rows) == min(limit, len(every)) and answer.total == len(every) > 50
    values = [row.get("value") for row in every]
    assert len(set(values)) < len(values)  # ties, whose order the cut must keep
