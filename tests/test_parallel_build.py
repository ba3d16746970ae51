"""A build is deterministic: the same inputs give the same index, row for row, and the same
answers, whether one process parses them or several (`--jobs`)."""
from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from conftest import ROOT, write

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402 - the benchmarks' generator of varied reports

QUESTIONS = [
    ("reports",), ("search", "就业", "--limit", "0"), ("search", "jiuye", "--limit", "5"),
    ("metrics", "--code", "gdp_growth", "--limit", "0"), ("metrics", "投资", "--limit", "0"),
    ("goals", "--limit", "0"), ("goals", "--check", "--code", "gdp_growth", "--limit", "0"),
    ("trend", "retail_sales", "--region", "杭州"), ("define", "六稳"), ("count", "创新", "改革"), ("outline", "--report", "r00003"), ("show", "r00003:20", "--context", "30"), ("show", "row2:70", "--context", "80"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel") / "reports"
    generate(folder, 36)
    rows = [json.dumps({"id": f"row{n}", "region": "杭州市", "year": 2010 + n,
                        "text": (folder / f"r{n:05d}.txt").read_text(encoding="utf-8")}, ensure_ascii=False)
            for n in range(4)]
    write(folder.parent / "extra" / "rows.jsonl", "\n".join(rows) + "\n")
    return folder


def _build(cli, corpus, out, jobs: str):
    code, _, err = cli("build", str(corpus), str(corpus.parent / "extra"), "-o", str(out), "--jobs", jobs)
    assert code == 0, err
    return out


def test_one_process_and_two_give_the_same_index_and_answers(corpus, tmp_path, cli):
    one = _build(cli, corpus, tmp_path / "one.sqlite", "1")
    two = _build(cli, corpus, tmp_path / "two.sqlite", "2")
    assert list(sqlite3.connect(one).iterdump()) == list(sqlite3.connect(two).iterdump())
    for question in QUESTIONS:
        answers = [cli("--index", str(index), *question, "--json") for index in (one, two)]
        assert answers[0] == answers[1], question
        assert answers[0][0] in (0, 1) and answers[0][1].strip() not in ("", "[]"), question


def test_add_gives_the_index_a_build_gives(corpus, tmp_path, cli):
    """Adding the same reports in two steps (with two processes) answers as one build does."""
    built = _build(cli, corpus, tmp_path / "built.sqlite", "2")  # with two processes, as the other test does not
    files = sorted(corpus.glob("*.txt"))
    first = tmp_path / "first"
    for path in files[:20]:
        write(first / path.name, path.read_text(encoding="utf-8"))
    added = tmp_path / "added.sqlite"
    assert cli("build", str(first), "-o", str(added), "--jobs", "1")[0] == 0
    code, _, err = cli("--index", str(added), "add", str(corpus), str(corpus.parent / "extra"), "--jobs", "2")
    assert code == 0 and "20 added" in err and "20 unchanged" in err, err
    for question in QUESTIONS:
        answers = [cli("--index", str(index), *question, "--json")[1] for index in (built, added)]
        assert answers[0] == answers[1].replace(str(first), str(corpus)), question  # `file`: where it was read


@pytest.mark.parametrize("jobs", ["0", "-1", "257", "two"])
def test_jobs_out_of_range_is_a_usage_error(tmp_path, cli, jobs):
    code, _, err = cli("build", str(ROOT / "seeds"), "-o", str(tmp_path / "x.sqlite"), "--jobs", jobs)
    assert code == 2 and err.count("\n") == 1 and "--jobs" in err and "Traceback" not in err
    assert not (tmp_path / "x.sqlite").exists()


@pytest.fixture(scope="module")
def built(corpus):
    from reportcli.cli import main

    index = corpus.parent / "built.sqlite"
    assert main(["build", str(corpus), "-o", str(index)]) == 0
    return index


@pytest.mark.parametrize("filters", [{}, {"code": "gdp_growth"}, {"target": False, "unit": "%"},
                                     {"kind": "level", "minimum": 1e8}, {"maximum": 5}])
def test_figures_of_many_reports_in_one_statement_are_those_read_a_report_at_a_time(built, monkeypatch, filters):
    from reportcli.index import store as store_module
    from reportcli.index.store import Store, open_index

    store = Store(open_index(built))
    reports = store.reports()[::-1][:30]  # an order and a selection of the index's own

    def keep(indicator, context):
        return "增长" in indicator or "投资" in context

    one_at_a_time = [(report.id, store.figures(report, keep=keep, **filters)) for report in reports]
    one_at_a_time = [(rid, figures) for rid, figures in one_at_a_time if figures]
    monkeypatch.setattr(store_module, "_ONE_STATEMENT_FROM", 2)
    in_one = [(report.id, figures) for report, figures in store.figures_by_report(reports, keep=keep, **filters)]
    assert in_one == one_at_a_time and len(in_one) > 3


@pytest.mark.parametrize("filters", [{}, {"code": "gdp_growth"}, {"main_only": True}, {"main_only": True, "code": "cpi"}])
def test_targets_of_many_reports_in_one_statement_are_those_read_a_report_at_a_time(built, monkeypatch, filters):
    from reportcli.index import store as store_module
    from reportcli.index.store import Store, open_index

    store = Store(open_index(built))
    reports = store.reports()[::-2]
    one_at_a_time = [(report.id, goals) for report in reports if (goals := store.goals(report, **filters))]
    monkeypatch.setattr(store_module, "_ONE_STATEMENT_FROM", 2)
    in_one = [(report.id, goals) for report, goals in store.goals_by_report(reports, **filters)]
    assert in_one == one_at_a_time and len(in_one) > 3
