"""Targets published as a table (指标 | 上年完成 | 今年目标) in a Word file or a web page: the
target column gives headline targets, the other column last year's values, never targets."""
import docx
import pytest

from reportcli.parse import decode_bytes, parse_report
from reportcli.parse.documents import docx_text
from reportcli.parse.tables import figure_table_lines, table_lines

ROWS = [["指标", "2023年完成", "2024年目标"], ["地区生产总值增长", "5.8%", "6%左右"],
        ["一般公共预算收入增长", "7.2%", "6%"], ["城镇调查失业率", "5.1%", "5.5%以内"]]
INTRO = ["2024年某某市政府工作报告", "——2024年1月12日在某某市第十七届人民代表大会第三次会议上", "二、2024年工作安排",
         "今年全市经济社会发展的主要预期目标如下表："]
EXPECTED = [("地区生产总值", 6, "about"), ("一般公共预算收入", 6, "="), ("城镇调查失业率", 5.5, "<=")]


def test_a_table_of_figures_is_a_list_with_each_column_named():
    assert figure_table_lines(ROWS)[0] == "● 地区生产总值增长5.8%（2023年完成）；地区生产总值增长6%左右（2024年目标）。"
    assert figure_table_lines([["名词", "解释"], ["六稳", "稳就业、稳金融"]]) is None
    assert table_lines([["“六稳”", "稳就业、稳金融、稳外贸"]]) == ["“六稳”：稳就业、稳金融、稳外贸"]


def _headline(report):
    return [(g.indicator, g.value, g.comparator) for g in report.goals if g.main]


def test_targets_in_a_word_table(tmp_path):
    document = docx.Document()
    for line in INTRO:
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROWS), cols=3)
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("实现上述目标，要重点抓好以下工作。")
    document.save(str(tmp_path / "t.docx"))
    report = parse_report(docx_text((tmp_path / "t.docx").read_bytes()))
    assert _headline(report) == EXPECTED
    achieved = [f for f in report.figures if "2023年完成" in f.context]
    assert len(achieved) == 3 and not any(f.target for f in achieved)


@pytest.mark.parametrize("layout", [False, True])
def test_targets_in_a_web_table_and_a_layout_table_kept_as_text(layout):
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in ROWS) + "</table>"
    body = "".join(f"<p>{line}</p>" for line in INTRO) + table + "<p>实现上述目标，要重点抓好以下工作。</p>"
    if layout:  # the whole page inside a layout table: its paragraphs stay paragraphs
        body = f"<table><tr><td>{body}</td></tr></table>"
    report = parse_report(decode_bytes(f"<html><body>{body}</body></html>".encode("utf-8")))
    if layout:  # a table inside another is not read as a list, but nothing is lost or merged
        assert [p.text for p in report.paragraphs][0] == "今年全市经济社会发展的主要预期目标如下表："
        assert len(report.figures) == 6
    else:
        assert _headline(report) == EXPECTED


def test_targets_in_a_pdf_table_a_row_a_line():
    text = "\n".join(INTRO + ["指标 2023年完成 2024年目标"] + [" ".join(row) for row in ROWS[1:]]
                     + ["实现上述目标，要重点抓好以下工作。"])
    assert _headline(parse_report(text)) == EXPECTED


def test_prose_with_converter_spaces_is_no_table():
    text = "二、2024年工作安排\n全年完成投资 286.5 亿元、增长 7 %\n城镇新增就业 1.2 万人、增长 5 %"
    assert [f.raw for f in parse_report(text).figures] == ["286.5亿元", "7%", "1.2万人", "5%"]


UNIT_ROWS = [["指标", "单位", "2023年完成", "2024年目标"], ["地区生产总值增长", "%", "5.2", "6左右"],
             ["城镇新增就业", "万人", "3.1", "3以上"], ["城镇调查失业率", "%", "5.3", "5.5以内"],
             ["一般公共预算收入", "亿元", "120.5%", "—"]]  # a cell writing its own unit keeps it; a dash is no figure
UNIT_EXPECTED = [("地区生产总值", "6%左右", "about"), ("城镇新增就业", "3万人以上", ">="), ("城镇调查失业率", "5.5%以内", "<=")]


def test_a_column_of_units_goes_with_each_number():
    lines = figure_table_lines(UNIT_ROWS)
    assert lines[0] == "● 地区生产总值增长5.2%（2023年完成）；地区生产总值增长6%左右（2024年目标）。"
    assert lines[3] == "● 一般公共预算收入120.5%（2023年完成）；一般公共预算收入—（2024年目标）。"


def _published(rows: list[list[str]], shape: str, gap: str = "  ") -> str:
    """The plan part with a table of targets, as a web page gives it or a PDF's text layer (a row
    a line, its cells spaced apart)."""
    if shape == "web":
        cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
        return decode_bytes(f"<html><body><p>二、2024年工作安排</p><p>主要预期目标如下：</p><table>{cells}</table></body></html>"
                            .encode("utf-8"))
    return "二、2024年工作安排\n主要预期目标如下：\n" + "\n".join(gap.join(row) for row in rows) + "\n"


@pytest.mark.parametrize("shape", ["web", "pdf"])
def test_targets_of_a_table_with_a_unit_column(shape):
    report = parse_report(_published(UNIT_ROWS, shape))
    assert [(g.indicator, g.raw, g.comparator) for g in report.goals if g.main] == UNIT_EXPECTED
    assert [(f.raw, f.target) for f in report.figures if f.indicator.startswith("城镇新增就业")] == \
        [("3.1万人", False), ("3万人以上", True)]


@pytest.mark.parametrize("shape", ["cells", "pdf"])
def test_a_column_of_row_numbers_names_nothing(shape):
    rows = [["序号", *UNIT_ROWS[0]], *[[str(n), *row] for n, row in enumerate(UNIT_ROWS[1:4], 1)]]
    if shape == "cells":
        assert figure_table_lines(rows) == figure_table_lines(UNIT_ROWS[:4])
    else:
        text = "二、2024年工作安排\n主要预期目标如下：\n" + "\n".join("  ".join(row) for row in rows) + "\n"
        assert [(g.indicator, g.raw, g.comparator) for g in parse_report(text).goals if g.main] == UNIT_EXPECTED


WORDS_ROWS = [["指标", "单位", "2023年完成", "2024年目标"], ["地区生产总值增长", "%", "5.8", "6左右"],
              ["城镇新增就业", "万人", "3.2", "3"], ["居民人均可支配收入增长", "%", "6.1", "与经济增长同步"],
              ["单位地区生产总值能耗降低", "%", "完成省下达任务", "完成省下达任务"]]


@pytest.mark.parametrize("shape", ["web", "pdf"])
def test_a_target_in_words_beside_the_numbers_of_a_table(shape):
    goals = [goal for goal in parse_report(_published(WORDS_ROWS, shape, gap="\t")).goals if goal.main]
    assert [(goal.code, goal.raw) for goal in goals] == [
        ("gdp_growth", "6%左右"), ("urban_jobs_new", "3万人"), ("disposable_income_growth", ""), ("energy_intensity", "")]
    assert "2023" not in goals[-1].text  # the achieved column's words are no target
