"""goals: the seed's targets against their gold fixture, the command, and --check on a
multi-year fixture of an invented county (tests/fixtures/qingshan)."""
import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "qingshan"
GOLD = json.loads((Path(__file__).parent / "gold" / "hailar-2021-goals.json").read_text(encoding="utf-8"))
FIELDS = ("paragraph", "indicator", "raw", "value", "unit", "comparator", "direction", "main", "strength", "horizon")


def test_seed_goals_against_gold(seed_report):
    found = [{field: getattr(g, field) for field in FIELDS} for g in seed_report.goals]
    key = lambda row: (row["paragraph"], row["raw"], row["indicator"] if not row["raw"] else "")
    gold, got = {key(g): g for g in GOLD}, {key(f): f for f in found}
    missed = [k for k in gold if k not in got]
    spurious = [k for k in got if k not in gold]
    print(f"\nmissed {missed}\nspurious {spurious}")
    differs = [(k, field, gold[k][field], got[k][field]) for k in gold if k in got for field in FIELDS
               if gold[k][field] != got[k][field]]
    print(f"differs {differs}")
    assert not missed and not spurious
    assert not differs
    assert [g["indicator"] for g in GOLD if g["main"]] == ["地区生产总值", "固定资产投资", "城镇登记失业率", "居民收入",
                                                          "单位地区生产总值能耗"]


def test_goals_command_headline_first(cli):
    code, out, err = cli("goals", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    mains = [row["main"] for row in rows]
    assert mains == sorted(mains, reverse=True)
    code, out, _ = cli("goals", "--main", "--json")
    assert [r["raw"] for r in json.loads(out)] == ["3%左右", "", "4.5%以内", "", "2.85%"]


def test_goals_query_and_table(cli):
    code, out, _ = cli("goals", "就业", "--json")
    assert [r["raw"] for r in json.loads(out)] == ["5,000人以上"]
    code, out, _ = cli("goals", "--main", "--format", "table")
    assert "≈ 3%" in out and "≤ 4.5%" in out and "(qualitative)" in out


@pytest.fixture
def county_index(cli, tmp_path):
    index = tmp_path / "qingshan.sqlite"
    code, _, err = cli("build", str(FIXTURES), "-o", str(index))
    assert code == 0, err
    return index


def test_check_against_the_next_years_report(cli, county_index):
    code, out, err = cli("--index", str(county_index), "goals", "--check", "--report", "2021", "--json")
    assert code == 0, err
    rows = {r["indicator"]: r for r in json.loads(out)}
    assert (rows["地区生产总值"]["status"], rows["地区生产总值"]["outcome"]["raw"]) == ("met", "7.6%")
    assert (rows["一般公共预算收入"]["status"], rows["一般公共预算收入"]["outcome"]["value"]) == ("missed", 3.7)
    assert rows["城镇新增就业"]["status"] == "met" and rows["城镇登记失业率"]["status"] == "met"
    assert rows["单位地区生产总值能耗"]["status"] == "met"
    assert rows["重点项目完成投资"]["status"] == "missed"  # 完成投资60亿元以上 → 58.5亿元
    outcome = rows["地区生产总值"]["outcome"]
    assert set(outcome) == {"report", "paragraph", "raw", "value", "unit", "indicator"} and outcome["report"] == "2022"


def test_check_without_a_next_report_is_unknown(cli, county_index):
    code, out, _ = cli("--index", str(county_index), "goals", "--check", "--report", "2023", "--json")
    rows = json.loads(out)
    assert rows and all(r["status"] == "unknown" and r["outcome"] is None for r in rows)
    code, out, _ = cli("goals", "--check", "--json")  # the bundled index has one report only
    assert all(r["status"] == "unknown" for r in json.loads(out))
