"""Many reports: filters, add, count, cite, trend, compare — on an invented county's three years
(tests/fixtures/qingshan) plus the seed, and on a generated corpus of 200 reports."""
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED

FIXTURES = Path(__file__).parent / "fixtures" / "qingshan"


@pytest.fixture
def corpus(cli, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURES, folder)
    shutil.copy(SEED, folder / "hailar-2021.txt")
    shutil.copy(SEED.parent / "reports.toml", folder / "reports.toml")  # the seed's source URL
    index = tmp_path / "corpus.sqlite"
    code, _, err = cli("build", str(folder), "-o", str(index))
    assert code == 0, err
    return index, folder


def run(cli, index, *args):
    code, out, err = cli("--index", str(index), *args, "--json")
    return code, json.loads(out) if out.strip() else None, err


def test_filters_by_region_year_and_level(cli, corpus):
    index, _ = corpus
    _, rows, _ = run(cli, index, "reports", "--region", "青山")
    assert [r["id"] for r in rows] == ["2021", "2022", "2023"]
    _, rows, _ = run(cli, index, "reports", "--year", "2021")
    assert sorted(r["id"] for r in rows) == ["2021", "hailar-2021"]
    _, rows, _ = run(cli, index, "metrics", "地区生产总值", "--region", "海拉尔", "--achieved")
    assert {r["report"] for r in rows} == {"hailar-2021"}
    _, hits, _ = run(cli, index, "search", "就业", "--level", "county", "--year", "2022")
    assert {h["report"] for h in hits} == {"2022"}
    code, _, err = cli("--index", str(index), "reports", "--level", "village")
    assert code == 2


def test_count_per_report_and_section(cli, corpus):
    index, _ = corpus
    _, rows, _ = run(cli, index, "count", "就业", "地区生产总值", "--region", "青山")
    counts = {(r["report"], r["term"]): r["count"] for r in rows}
    assert counts[("2021", "就业")] == 2 and counts[("2023", "地区生产总值")] == 2
    assert set(rows[0]) >= {"report", "term", "count"}
    _, rows, _ = run(cli, index, "count", "就业", "--by", "section", "--report", "2022")
    assert all("section" in r for r in rows) and sum(r["count"] for r in rows) == 2


def test_cite(cli, corpus):
    index, _ = corpus
    code, out, _ = cli("--index", str(index), "cite", "hailar-2021:7")
    assert code == 0
    assert out.startswith("“(二)精准发力,稳住经济基本盘。") and "《2021年呼伦贝尔市海拉尔区政府工作报告》" in out
    assert "https://hailar.gov.cn/OpennessContent/show/416268.html" in out
    _, [row], _ = run(cli, index, "cite", "2022:2")
    assert set(row) >= {"report", "paragraph", "section", "text", "title", "source", "citation"}


def test_trend(cli, corpus):
    index, _ = corpus
    _, points, _ = run(cli, index, "trend", "地区生产总值", "--region", "青山")
    assert [(p["year"], p["raw"], p["value"], p["unit"]) for p in points] == [
        (2021, "120.5亿元", 12_050_000_000, "元"), (2022, "131.2亿元", 13_120_000_000, "元"),
        (2023, "137.9亿元", 13_790_000_000, "元")]
    assert set(points[0]) == {"report", "year", "period", "region", "indicator", "raw", "value", "unit", "paragraph",
                              "code", "name_en", "signed"}
    assert [(p["year"], p["period"], p["code"]) for p in points] == [(2021, 2020, "gdp"), (2022, 2021, "gdp"),
                                                                     (2023, 2022, "gdp")]
    _, growth, _ = run(cli, index, "trend", "地区生产总值增长", "--region", "青山")
    assert [p["value"] for p in growth] == [3.2, 7.6, 5.1]
    _, by_code, _ = run(cli, index, "trend", "gdp_growth", "--region", "青山")
    assert [p["value"] for p in by_code] == [3.2, 7.6, 5.1]
    code, out, _ = cli("--index", str(index), "trend", "地区生产总值", "--region", "青山", "--format", "table")
    assert code == 0 and "█" in out


def test_compare(cli, corpus):
    index, _ = corpus
    _, rows, _ = run(cli, index, "compare", "2021", "2022")
    by_name = {(r["kind"], r["name"]): r for r in rows}
    assert by_name[("target", "地区生产总值")]["change"] == "lowered"
    assert by_name[("target", "城镇新增就业")]["change"] == "raised"
    assert by_name[("target", "单位地区生产总值能耗")]["change"] == "dropped"
    assert by_name[("term", "双碳")]["change"] == "dropped"
    code, _, err = cli("--index", str(index), "compare", "2021", "2021")
    assert code == 2


def vocabulary(index):
    connection = sqlite3.connect(index)
    try:
        return dict(connection.execute("SELECT word, df FROM vocab"))
    finally:
        connection.close()


def test_add_and_replace(cli, tmp_path):
    index = tmp_path / "c.sqlite"
    assert cli("build", str(FIXTURES / "2021.txt"), "-o", str(index))[0] == 0
    code, _, err = cli("--index", str(index), "add", str(FIXTURES / "2022.txt"), str(FIXTURES / "2023.txt"))
    assert code == 0 and "2 added, 0 replaced, 0 unchanged: 2 reports" in err
    changed = tmp_path / "new" / "2022.txt"
    changed.parent.mkdir()
    changed.write_text((FIXTURES / "2022.txt").read_text(encoding="utf-8").replace("131.2亿元", "132.0亿元"),
                       encoding="utf-8")
    code, _, err = cli("--index", str(index), "add", str(changed))
    assert code == 0 and "0 added, 1 replaced, 0 unchanged" in err
    _, rows, _ = run(cli, index, "reports")
    assert sorted(r["id"] for r in rows) == ["2021", "2022", "2023"]
    _, figures, _ = run(cli, index, "metrics", "地区生产总值", "--report", "2022", "--achieved")
    assert figures[0]["raw"] == "132.0亿元"
    _, hits, _ = run(cli, index, "search", "132.0亿元")
    assert [h["report"] for h in hits] == ["2022"]
    assert not (run(cli, index, "search", "131.2亿元")[1])
    # the vocabulary after add/replace is what a fresh build of the same files gives
    fresh = tmp_path / "fresh.sqlite"
    shutil.copy(FIXTURES / "2021.txt", changed.parent / "2021.txt")
    shutil.copy(FIXTURES / "2023.txt", changed.parent / "2023.txt")
    assert cli("build", str(changed.parent), "-o", str(fresh))[0] == 0
    assert vocabulary(index) == vocabulary(fresh)


def test_add_refuses_the_bundled_index_and_missing_index(cli, tmp_path):
    code, _, err = cli("add", str(FIXTURES / "2021.txt"))
    assert code == 2 and "--index" in err
    code, _, err = cli("--index", str(tmp_path / "none.sqlite"), "add", str(FIXTURES / "2021.txt"))
    assert code == 2 and "index not found" in err


def test_a_generated_corpus_of_200_reports(cli, tmp_path):
    """Every query command answers on a corpus built from 200 generated reports (both cores)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import RARE_TERM, generate

    folder = tmp_path / "generated"
    generate(folder, 200)
    index = tmp_path / "generated.sqlite"
    code, _, err = cli("build", str(folder), "-o", str(index))
    assert code == 0 and "indexed 200 reports" in err, err
    _, reports, _ = run(cli, index, "reports")
    assert len(reports) == 200 and all(r["paragraphs"] > 10 for r in reports)
    _, hits, _ = run(cli, index, "search", RARE_TERM, "--limit", "0")
    assert len(hits) == 1 and RARE_TERM in hits[0]["text"]
    assert len(run(cli, index, "search", "就业")[1]) == 20
    assert run(cli, index, "search", "量子计算")[0] == 1
    first = reports[0]["id"]
    assert run(cli, index, "metrics", "地区生产总值", "--report", first)[1]
    assert run(cli, index, "goals", "--main", "--report", first)[1]
    assert run(cli, index, "define", "六保")[1]  # one report in ten has the seed's glossary
    assert run(cli, index, "outline", "--report", first)[1]
    assert run(cli, index, "show", f"{first}:5")[1]
    assert run(cli, index, "cite", f"{first}:5")[1]
    counts = run(cli, index, "count", "就业")[1]
    assert len(counts) == 200 and sum(row["count"] > 0 for row in counts) > 180  # a small report may not say 就业
    points = run(cli, index, "trend", "地区生产总值")[1]
    # the generator samples paragraphs at random, so some reports lack the figure; one unit is followed
    assert len(points) > 100 and len({p["unit"] for p in points}) == 1
    assert [p["year"] for p in points] == sorted(p["year"] for p in points)
    assert all(r["year"] and r["region"] for r in reports)
    assert run(cli, index, "compare", reports[0]["id"], reports[1]["id"])[1]
    assert run(cli, index, "goals", "--check", "--limit", "5")[0] == 0
    # most reviews open with the year's outcomes, and regions have reports over many years (a
    # panel): the benchmark's trend and goals --check answer, not only look
    assert len(run(cli, index, "trend", "gdp_growth")[1]) > 100
    checked = run(cli, index, "goals", "--check", "--code", "gdp_growth", "--limit", "0")[1]
    assert sum(row["status"] in ("met", "missed") for row in checked) > 40
