"""The Python library answers every question with the rows the CLI prints as --json (one code
path), raises ReportcliError subclasses, and imports nothing heavy."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import reportcli

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A national series and a panel of one year in one index."""
    index = tmp_path_factory.mktemp("library") / "corpus.sqlite"
    reportcli.build([FIXTURES / "national", FIXTURES / "panel"], index)
    return index


# (library method, positional arguments, keyword arguments) ↔ the same question on the command line
QUESTIONS = [
    ("reports", (), {}, ["reports"]),
    ("reports", (), {"region": "浙江"}, ["reports", "--region", "浙江"]),
    ("search", ("就业",), {}, ["search", "就业"]),
    ("search", ("国内生产总值 增长",), {"limit": 3}, ["search", "国内生产总值", "增长", "--limit", "3"]),
    ("search", ("城镇新增就业",), {"exact": True, "year": 2023}, ["search", "城镇新增就业", "--exact", "--year", "2023"]),
    ("metrics", (), {"code": "gdp_growth"}, ["metrics", "--code", "gdp_growth"]),
    ("metrics", ("就业",), {"target": True, "sort": "value", "limit": 5},
     ["metrics", "就业", "--target", "--sort", "value", "--limit", "5"]),
    ("goals", (), {}, ["goals"]),
    ("goals", (), {"main": True, "code": "gdp_growth"}, ["goals", "--main", "--code", "gdp_growth"]),
    ("goals", (), {"check": True, "main": True, "report": ["2019", "2020"]},
     ["goals", "--check", "--main", "--report", "2019", "--report", "2020"]),
    ("goals", (), {"check": True, "level": "province"}, ["goals", "--check", "--level", "province"]),
    ("define", ("GDP",), {}, ["define", "GDP"]),
    ("trend", ("gdp_growth",), {}, ["trend", "gdp_growth"]),
    ("trend", ("国内生产总值",), {"region": "全国"}, ["trend", "国内生产总值", "--region", "全国"]),
    ("count", ("就业", "改革"), {}, ["count", "就业", "改革"]),
    ("count", ("就业",), {"by": "section", "report": "2024"}, ["count", "就业", "--by", "section", "--report", "2024"]),
    ("compare", ("2023", "2024"), {}, ["compare", "2023", "2024"]),
    ("outline", (), {"report": "2024"}, ["outline", "--report", "2024"]),
    ("show", ("2024:2",), {"context": 0}, ["show", "2024:2", "--context", "0"]),
    ("cite", ("2",), {"report": "2024"}, ["cite", "2", "--report", "2024"]),
]


@pytest.mark.parametrize("method, args, kwargs, argv", QUESTIONS, ids=[" ".join(q[3]) for q in QUESTIONS])
def test_library_rows_equal_the_cli_json(cli, corpus, method, args, kwargs, argv):
    code, out, err = cli("--index", str(corpus), *argv, "--json")
    assert code in (0, 1), err
    with reportcli.open(corpus) as ix:
        rows = getattr(ix, method)(*args, **kwargs)
    assert rows == json.loads(out)
    assert code == 0 and rows  # every question here has an answer


def test_the_bundled_index_when_no_path_is_given(cli):
    code, out, _ = cli("define", "六保", "--json")
    with reportcli.open() as ix:
        assert ix.define("六保") == json.loads(out)
        assert ix.search("垃圾分类", limit=1) == json.loads(cli("search", "垃圾分类", "--limit", "1", "--json")[1])


def test_the_index_the_cli_would_read(monkeypatch, corpus):
    monkeypatch.setenv("REPORTCLI_INDEX", str(corpus))
    with reportcli.open() as ix:
        assert ix.path == corpus and len(ix.reports()) == 13


def test_no_answer_is_an_empty_list_not_an_exception(corpus):
    with reportcli.open(corpus) as ix:
        assert ix.search("量子计算机") == []
        assert ix.goals(region="内蒙古") == []  # a known region with no report here


def test_what_the_cli_notes_on_stderr_is_a_warning(corpus, monkeypatch):
    import warnings

    import reportcli.query.search as search_module

    with reportcli.open(corpus) as ix:
        with pytest.warns(reportcli.ReportcliWarning, match="as typed; these matches are approximate") as caught:
            hits = ix.search("jiuye")  # toneless pinyin: approximate
        assert hits and caught[0].filename == __file__  # the warning points at the caller's line
        monkeypatch.setattr(search_module, "CANDIDATE_CAP", 3)
        with pytest.warns(reportcli.ReportcliWarning, match="ranked the first 3 of"):
            assert len(ix.search("就业", limit=2)) == 2
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # an exact, uncapped answer warns of nothing
            assert ix.search("就业", limit=0) and ix.metrics(code="gdp_growth", limit=1)


def test_errors_are_reportcli_errors_never_system_exit(corpus, tmp_path):
    with reportcli.open(corpus) as ix:
        with pytest.raises(reportcli.UsageError, match="unknown report id"):
            ix.goals(report="1999")
        with pytest.raises(reportcli.UsageError, match="unknown region"):
            ix.reports(region="浙江省省")
        with pytest.raises(reportcli.UsageError, match="--limit"):
            ix.metrics(limit=-1)
    with pytest.raises(reportcli.IndexFileError, match="index not found"):
        reportcli.open(tmp_path / "missing.sqlite").reports()
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(reportcli.InputError, match="empty"):
        reportcli.build([tmp_path / "empty.txt"], tmp_path / "x.sqlite")
    assert issubclass(reportcli.UsageError, reportcli.ReportcliError)


def test_build_and_add_return_their_summary(tmp_path):
    index = tmp_path / "i.sqlite"
    summary = reportcli.build([FIXTURES / "qingshan" / "2021.txt"], index)
    assert (summary["reports"], summary["added"], summary["output"]) == (1, 1, str(index))
    with reportcli.open(index) as ix:
        assert [r["id"] for r in ix.reports()] == ["2021"]
        added = ix.add([FIXTURES / "qingshan"])
        assert (added["added"], added["replaced"], added["unchanged"]) == (2, 0, 1)
        assert [r["id"] for r in ix.reports()] == ["2021", "2022", "2023"]  # reopened after the write


def test_importing_the_library_imports_nothing_heavy():
    code = ("import sys, reportcli\n"
            "ix = reportcli.open()\n"
            "ix.search('垃圾分类'); ix.goals(check=True); ix.reports(region='海拉尔')\n"
            "print('\\n'.join(sys.modules))")
    modules = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    heavy = ("rich", "typer", "jieba", "rjieba", "rapidfuzz", "pypinyin", "docx", "pypdfium2", "reportcli.cli")
    assert sorted(name for name in modules if name.split(".")[0] in heavy or name in heavy) == []
