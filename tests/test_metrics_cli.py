"""metrics: filters, sorting and output formats on the bundled report."""
import json

import pytest


def metrics(cli, *args):
    code, out, err = cli("metrics", *args, "--json")
    return code, json.loads(out) if out.strip() else [], err


def test_every_figure_by_default(cli):
    code, rows, err = metrics(cli)
    assert code == 0 and err == ""
    assert len(rows) == 155
    first = rows[0]
    assert (first["raw"], first["value"], first["unit"], first["approx"]) == ("980余名", 980, "名", "over")


def test_query_matches_indicator_and_context(cli):
    _, rows, _ = metrics(cli, "地区生产总值")
    assert {r["raw"] for r in rows} >= {"174.46亿元", "3%左右", "2.85%", "73.2%"}
    _, pinyin, _ = metrics(cli, "diqushengchanzongzhi")
    assert [r["raw"] for r in pinyin] == [r["raw"] for r in rows]
    _, traditional, _ = metrics(cli, "地區生產總值")
    assert [r["raw"] for r in traditional] == [r["raw"] for r in rows]


def test_unit_as_users_type_it(cli):
    _, yuan, _ = metrics(cli, "--unit", "亿元")
    assert yuan and all(r["unit"] == "元" for r in yuan)
    _, people, _ = metrics(cli, "--unit", "万人")
    assert people and all(r["unit"] == "人" for r in people)
    _, percent, _ = metrics(cli, "--unit", "％")
    assert percent and all(r["unit"] == "%" for r in percent)


def test_kind_target_and_section(cli):
    _, changes, _ = metrics(cli, "--kind", "change", "--target")
    assert [r["raw"] for r in changes] == ["3%左右", "2.85%"]
    _, achieved, _ = metrics(cli, "--achieved", "--section", "1.2")
    assert {r["raw"] for r in achieved} == {"174.46亿元", "8.79亿元", "0.8%", "42.44亿元", "9.96%", "3.8%", "6.5%",
                                            "8亿元", "100%"}
    assert all(not r["target"] for r in achieved)


def test_min_max_and_sort_by_value(cli):
    _, rows, _ = metrics(cli, "--unit", "元", "--min", "1e10", "--sort", "value")
    values = [r["value"] for r in rows]
    assert values == sorted(values, reverse=True) and min(values) >= 1e10
    assert rows[0]["raw"] == "272.6亿元"


def test_csv_with_bom_for_excel(cli):
    code, out, _ = cli("metrics", "--unit", "亿元", "--format", "csv", "--bom")
    assert code == 0 and out.startswith("\ufeffreport,paragraph,section,raw,value,unit")


def test_table_shows_thousands_separators(cli):
    code, out, _ = cli("metrics", "地区生产总值", "--format", "table")
    assert "17,446,000,000" in out


@pytest.mark.parametrize("args", [["--kind", "bogus"], ["--sort", "size"], ["--min", "abc"]])
def test_bad_options(cli, args):
    code, _, err = cli("metrics", *args)
    assert code == 2 and err.count("\n") == 1


def test_no_match_exits_1(cli):
    code, rows, _ = metrics(cli, "量子计算")
    assert code == 1 and rows == []
