"""Answers a journalist can publish and an economist can key on: counts that match the text,
codes that work everywhere, panel keys on every row, year filters that keep every year, citations
that can be quoted, guessable ids."""
from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from reportcli.parse.repair import repair_text
from reportcli.text import fold, normalize_newlines

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
COUNTED = sorted((FIXTURES / "qingshan").glob("*.txt")) + sorted((FIXTURES / "jiangchuan").glob("*.txt")) + [
    ROOT / "seeds" / "hailar-2021.txt", FIXTURES / "reports" / "shizuishan-2023.txt"]


@pytest.fixture(scope="module")
def counted(tmp_path_factory) -> Path:
    from reportcli.cli import main

    index = tmp_path_factory.mktemp("count") / "count.sqlite"
    folder = tmp_path_factory.mktemp("files")
    for number, path in enumerate(COUNTED):
        (folder / f"r{number}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", str(folder), "-o", str(index)]) == 0
    return index


def _speech(path: Path) -> str:
    """The report's repaired text from its first 各位代表 (or first heading) on: what it says,
    without its front matter."""
    text = fold(repair_text(normalize_newlines(path.read_text(encoding="utf-8")).lstrip("\ufeff")).text)
    return text[re.search(r"各位代表|^一、", text, re.M).start():]


@pytest.mark.parametrize("number", range(len(COUNTED)))
def test_count_equals_str_count_on_the_text_headings_and_glossary_included(cli, counted, number):
    speech = _speech(COUNTED[number])
    grams = collections.Counter(speech[i:i + n] for n in (2, 4) for i in range(len(speech) - n + 1)
                                if re.fullmatch(r"[\u4e00-\u9fff]+", speech[i:i + n]))
    terms = [term for term, _ in grams.most_common(60)]
    code, out, _ = cli("--index", str(counted), "count", *terms, "--report", f"r{number}", "--json")
    assert code == 0
    assert {row["term"]: row["count"] for row in json.loads(out)} == {term: speech.count(term) for term in terms}


def test_a_heading_on_its_own_line_is_counted(cli, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("各位代表：\n一、深化重点领域改革\n（一）推进国企改革\n改革要坚持问题导向。\n", encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(report), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "count", "改革", "--json")
    assert json.loads(out)[0]["count"] == 3 and json.loads(out)[0]["paragraphs"] == 1
    code, out, _ = cli("--index", str(index), "count", "改革", "--by", "section", "--json")
    assert [(row["section"], row["count"]) for row in json.loads(out)] == [
        ("一、深化重点领域改革", 1), ("一、深化重点领域改革 > （一）推进国企改革", 2)]


def test_count_by_section_lists_sections_in_outline_order_and_nothing_for_a_report_without_the_term(cli, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("各位代表：\n一、稳定就业\n做好民生工作。\n二、其他工作\n扩大就业容量，稳就业。\n"
                                  "（一）重点群体就业\n高校毕业生就业。\n", encoding="utf-8")
    (folder / "b.txt").write_text("各位代表：\n一、全面深化改革\n推进改革。\n", encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(folder), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "count", "就业", "--by", "section", "--json")
    assert code == 0
    assert [(row["report"], row["section"], row["count"]) for row in json.loads(out)] == [
        ("a", "一、稳定就业", 1), ("a", "二、其他工作", 2), ("a", "二、其他工作 > （一）重点群体就业", 2)]


def test_count_folds_script_width_and_case_in_paragraphs_and_headings(cli, tmp_path):
    """Traditional, full-width and capital forms count as the term, in headings and paragraphs
    (a text is folded only when it has such a character: one without is counted as it is)."""
    report = tmp_path / "r.txt"
    report.write_text("各位代表：\n一、推進經濟發展\n發展是第一要務，发展要靠改革。建成ＩＰｖ６网络，IPv6用户增长，ipv6普及。\n"
                      "（一）促进发展\n加快發展。\n二、其他工作\n做好其他工作。\n", encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(report), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "count", "发展", "ipv6", "工作", "--json")
    assert code == 0
    assert [(row["term"], row["count"], row["paragraphs"]) for row in json.loads(out)] == [
        ("发展", 5, 2), ("ipv6", 3, 1), ("工作", 2, 1)]


# ------------------------------------------------------------------ codes

@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Path:
    from reportcli.cli import main

    index = tmp_path_factory.mktemp("national") / "national.sqlite"
    assert main(["build", str(FIXTURES / "national"), "-o", str(index)]) == 0
    return index


def _rows(cli, index: Path, *args: str) -> list[dict]:
    code, out, err = cli("--index", str(index), *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("code", ["cpi", "gdp", "gdp_growth", "urban_jobs_new"])
def test_every_code_works_in_trend_as_argument_and_option(cli, national, code):
    as_argument = _rows(cli, national, "trend", code)
    assert as_argument and {row["code"] for row in as_argument} == {code}
    assert _rows(cli, national, "trend", "--code", code) == as_argument


@pytest.mark.parametrize("command", [["metrics"], ["goals"], ["trend"]])
def test_an_unknown_code_is_a_usage_error_naming_the_closest(cli, national, command):
    code, _, err = cli("--index", str(national), *command, "--code", "gdp_grwoth")
    assert code == 2 and "unknown indicator code 'gdp_grwoth'" in err and "gdp_growth" in err


def test_codes_lists_the_table_with_english_names(cli):
    rows = json.loads(cli("codes", "--json")[1])
    by_code = {row["code"]: row for row in rows}
    assert by_code["gdp_growth"]["name_en"] == "GDP growth" and by_code["cpi"]["better"] == "lower"
    assert len(rows) >= 40


# ------------------------------------------------------------------ panel keys and years

def test_metrics_and_goals_rows_carry_year_and_region(cli, national):
    for command in (["metrics", "--code", "gdp_growth"], ["goals", "--main"], ["goals", "--check", "--main"]):
        rows = _rows(cli, national, *command)
        assert rows and all(row["year"] and row["region"] == "全国" and "region_code" in row for row in rows)


@pytest.mark.parametrize("years, expected", [
    (["2021"], ["2021"]), (["2019", "2023"], ["2019", "2023"]), (["2021-2023"], ["2021", "2022", "2023"]),
    (["2023-"], ["2023", "2024"]), (["-2020"], ["2019", "2020"]), (["2019", "2022-2023"], ["2019", "2022", "2023"])])
def test_year_filters_keep_every_year_named(cli, national, years, expected):
    args = [part for year in years for part in ("--year", year)]
    assert [row["id"] for row in _rows(cli, national, "reports", *args)] == expected


def test_a_year_that_is_not_one_is_a_usage_error(cli, national):
    code, _, err = cli("--index", str(national), "reports", "--year", "last")
    assert code == 2 and "not a year" in err


# ------------------------------------------------------------------ citations and ids

def test_a_citation_names_title_year_date_section_paragraph_and_source(cli, tmp_path):
    report = tmp_path / "zj.txt"
    report.write_text("政府工作报告\n——2024年1月23日在浙江省第十四届人民代表大会第二次会议上\n各位代表：\n"
                      "一、2023年工作回顾\n全省生产总值增长6%。\n", encoding="utf-8")
    (tmp_path / "reports.toml").write_text('[[report]]\nfile = "zj.txt"\nsource = "https://zj.example/2024"\n',
                                           encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(report), "-o", str(index))[0] == 0
    [row] = _rows(cli, index, "cite", "2")
    assert (row["title"], row["year"], row["date"], row["source"]) == (
        "2024年浙江省政府工作报告", 2024, "2024-01-23", "https://zj.example/2024")
    assert row["citation"] == ("“全省生产总值增长6%。”（《2024年浙江省政府工作报告》，2024年1月23日，一、2023年工作回顾，"
                               "第2段。来源：https://zj.example/2024）")


def test_a_year_names_the_one_report_of_that_year_and_unknown_ids_suggest(cli, national):
    assert [row["report"] for row in _rows(cli, national, "goals", "--main", "--report", "2024")][:1] == ["2024"]
    code, _, err = cli("--index", str(national), "compare", "2023", "2O24")
    assert code == 2 and "unknown report id: 2O24" in err and "closest: 2024" in err


# ------------------------------------------------------------------ sorts and the years × terms table

def test_count_by_year_is_years_by_terms(cli, national):
    rows = _rows(cli, national, "count", "就业", "增长", "--by", "year")
    assert [(row["year"], row["term"]) for row in rows[:4]] == [(2019, "就业"), (2019, "增长"), (2020, "就业"),
                                                                (2020, "增长")]
    assert all(row["reports"] == 1 for row in rows)
    per_report = {(row["report"], row["term"]): row["count"] for row in _rows(cli, national, "count", "就业", "增长")}
    assert {(str(row["year"]), row["term"]): row["count"] for row in rows} == per_report
    code, out, _ = cli("--index", str(national), "count", "就业", "增长", "--by", "year")
    assert out.split("\n")[0] == "year\t就业\t增长" and out.split("\n")[1].startswith("2019\t")


def test_sorts_on_search_goals_and_count(cli, national):
    counts = _rows(cli, national, "count", "增长", "--sort", "count")
    assert [row["count"] for row in counts] == sorted((row["count"] for row in counts), reverse=True)
    goals = _rows(cli, national, "goals", "--main", "--code", "cpi", "--sort", "value")
    assert [row["value"] for row in goals] == sorted((row["value"] for row in goals), reverse=True)
    hits = _rows(cli, national, "search", "就业", "--sort", "year", "--limit", "0")
    years = [int(row["report"]) for row in hits]
    assert years == sorted(years) and len(set(years)) == 6


# ------------------------------------------------------------------ define

def test_define_says_where_a_definition_comes_from_in_every_format(cli):
    code, out, _ = cli("define", "碳达峰", "--format", "table")
    assert code == 0 and "reportcli lexicon" in out  # a member of 双碳 explained by its entry
    [row] = json.loads(cli("define", "碳达峰", "--json")[1])
    assert (row["term"], row["source"]) == ("双碳", "lexicon") and "碳达峰" in row["aliases"]
    code, out, _ = cli("define", "六保", "--format", "table")
    assert "名词解释" in out


def test_one_row_per_distinct_definition_across_reports(cli, tmp_path):
    glossary = "名词解释\n1.“六稳”：是指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n"
    for year in (2021, 2022):
        (tmp_path / f"{year}.txt").write_text(f"各位代表：\n一、{year - 1}年工作回顾\n全力做好“六稳”工作。\n{glossary}",
                                              encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(tmp_path), "-o", str(index))[0] == 0
    [row] = _rows(cli, index, "define", "六稳")
    assert (row["report"], row["reports"], row["used_in"]) == ("2021", ["2021", "2022"], ["2021:2", "2022:2"])


# ------------------------------------------------------------------ codes of qualitative targets, noise, notes

def test_a_qualitative_target_takes_the_code_of_its_measure():
    from reportcli.parse import parse_report

    text = ("各位代表：\n二、2024年工作安排\n今年发展主要预期目标是：国内生产总值增长5%左右；居民收入增长和经济增长同步；"
            "单位国内生产总值能耗继续下降；城乡居民收入增长与经济增长基本同步。")
    codes = {goal.text: goal.code for goal in parse_report(text).goals}
    assert codes["居民收入增长和经济增长同步"] == "disposable_income_growth"
    assert codes["城乡居民收入增长与经济增长基本同步"] == "disposable_income_growth"
    assert codes["单位国内生产总值能耗继续下降"] == "energy_intensity"


def test_compare_keys_indicators_by_code_and_drops_fragments(cli, national):
    rows = _rows(cli, national, "compare", "2023", "2024")
    names = [row["name"] for row in rows if row["kind"] == "indicator"]
    assert "年末城镇调查失业率" not in names and "城镇调查失业率" not in names  # one indicator, by its code
    assert all(len(name) >= 4 and "、" not in name for name in names)


def test_an_unknown_status_says_which_report_is_missing(cli, national):
    rows = _rows(cli, national, "goals", "--check", "--main", "--report", "2024")
    assert {row["note"] for row in rows if row["value"] is not None} == {"no 2025 report of 全国 in this index"}
    checked = _rows(cli, national, "goals", "--check", "--main", "--report", "2023")
    assert all(row["note"] is None for row in checked if row["status"] != "unknown")


def test_goals_check_fits_80_columns(tmp_path):
    import os
    import subprocess
    import sys

    index = tmp_path / "n.sqlite"
    subprocess.run([sys.executable, "-m", "reportcli", "build", str(FIXTURES / "national"), "-o", str(index)],
                   check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "reportcli", "--index", str(index), "goals", "--check", "--main",
                             "--format", "table"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"})
    from rich.cells import cell_len

    lines = result.stdout.splitlines()
    assert result.returncode == 0 and all(cell_len(line) <= 80 for line in lines)
    assert lines[0].endswith("┓") and "status" in lines[1]  # the last column is whole


# ------------------------------------------------------------------ windows and changes against last year

def test_a_windows_start_is_never_an_outcome_or_a_trend_point(cli, tmp_path):
    (tmp_path / "2023.txt").write_text(
        "——2023年3月5日在第十四届全国人民代表大会第一次会议上\n各位代表：\n一、过去五年工作回顾\n"
        "五年来，国内生产总值从不到70万亿元增加到超过120万亿元。\n二、2023年工作建议\n"
        "今年发展主要预期目标是：国内生产总值增长5%左右。\n", encoding="utf-8")
    (tmp_path / "2022.txt").write_text(
        "——2022年3月5日在第十三届全国人民代表大会第五次会议上\n各位代表：\n一、2021年工作回顾\n"
        "过去一年，国内生产总值从100万亿元提高到114万亿元，经济总量突破110万亿元。\n", encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(tmp_path), "-o", str(index))[0] == 0
    figures = {row["raw"]: row for row in _rows(cli, index, "metrics", "--code", "gdp")}
    assert figures["70万亿元"]["basis"] == "from" and figures["100万亿元"]["basis"] == "from"
    assert figures["114万亿元"]["basis"] is None and figures["110万亿元"]["approx"] == "over"
    assert [row["raw"] for row in _rows(cli, index, "trend", "gdp")] == ["114万亿元", "120万亿元"]


def test_a_change_against_last_year_is_not_a_level_of_the_same_indicator():
    from reportcli.parse import parse_report

    text = ("各位代表：\n二、2024年工作安排\n今年发展主要预期目标是：国内生产总值增长5%左右。赤字率拟按3%安排，比上年提高0.2个百分点；"
            "拟安排地方政府专项债券3.9万亿元，比上年增加1000亿元；第二轮土地承包到期后再延长30年试点。")
    report = parse_report(text)
    goals = {goal.raw: goal for goal in report.goals}
    assert (goals["3%"].indicator, goals["3%"].code, goals["3%"].basis) == ("赤字率", "deficit_ratio", None)
    change = goals["0.2个百分点"]
    assert (change.indicator, change.code, change.basis) == ("赤字率比上年提高", None, "vs_last_year")
    figures = {figure.raw: figure for figure in report.figures}
    assert (figures["1000亿元"].kind, figures["1000亿元"].basis, figures["1000亿元"].code) == ("change", "vs_last_year",
                                                                                             None)
    assert "30年" not in goals  # how long a policy lasts is no target
    assert len({(goal.indicator, goal.code) for goal in report.goals if goal.code == "deficit_ratio"}) == 1


def test_a_preposition_is_no_subject():
    from reportcli.parse import parse_report

    report = parse_report("各位代表：\n一、2023年工作回顾\n全年把80%以上的财力用于民生，将70%的新增财力投向基层。\n")
    assert [(figure.raw, figure.indicator) for figure in report.figures] == [("80%以上", "财力"), ("70%", "新增财力")]


def test_changes_windows_and_prepositions_in_traditional_characters():
    from reportcli.parse import parse_report

    report = parse_report("各位代表：\n一、過去五年工作回顧\n居民人均可支配收入從50元提高到84元。全年把80%以上的財力用於民生。\n"
                          "二、2024年工作安排\n今年發展主要預期目標是：赤字率擬按3%安排，比上年提高0.2個百分點；"
                          "擬安排地方政府專項債券3.9萬億元，較上年增加1000億元。")
    figures = {figure.raw: figure for figure in report.figures}
    assert figures["50元"].basis == "from" and figures["84元"].basis is None
    assert figures["80%以上"].indicator == "財力"
    assert (figures["1000億元"].indicator, figures["1000億元"].basis) == ("地方政府專項債券較上年增加", "vs_last_year")
    assert figures["0.2個百分點"].code is None and figures["3%"].code == "deficit_ratio"


@pytest.mark.parametrize("text", ["最低工资标准由1650元/月调整为1900元/月。", "城乡居民基础养老金由每人每月103元上调为123元。"])
def test_an_adjusted_windows_start_is_no_level_of_the_year(text):
    from reportcli.parse.figures import extract_figures

    assert [figure.basis for figure in extract_figures(text)] == ["from", None]


def test_a_trend_gives_a_fall_its_sign(cli, tmp_path):
    for year, words in ((2023, "增长5.2%"), (2024, "下降2.1%"), (2025, "同比下降0.5%")):
        (tmp_path / f"{year}.txt").write_text(
            f"{year}年某某市政府工作报告\n——{year}年1月10日在某某市第十七届人民代表大会第{year - 2020}次会议上\n各位代表：\n"
            f"一、{year - 1}年工作回顾\n{year - 1}年，全市地区生产总值{words}。\n", encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(tmp_path), "-o", str(index))[0] == 0
    rows = _rows(cli, index, "trend", "gdp_growth")
    assert [(row["raw"], row["value"], row["signed"]) for row in rows] == [("5.2%", 5.2, 5.2), ("2.1%", 2.1, -2.1),
                                                                           ("0.5%", 0.5, -0.5)]
    code, chart, _ = cli("trend", "gdp_growth", "--index", str(index), "--chart")
    assert code == 0 and "-2.1%" in chart and "-0.5%" in chart
