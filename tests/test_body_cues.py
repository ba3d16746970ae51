"""Metadata from the body when a report is published without its front matter (issue 12.4):
unambiguous cues only, each listed in `inferred`; no cue, no value."""
import json

import pytest

from conftest import write
from reportcli.parse import parse_report


@pytest.mark.parametrize("text, region, level, year", [
    ("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2023年工作回顾\n过去一年，国内生产总值超过126万亿元，增长5.2%。",
     "全国", "national", 2024),
    ("各位代表：\n现在，我代表海拉尔区人民政府，向大会报告工作。\n一、2022年工作回顾\n全年地区生产总值增长4%。",
     "海拉尔区", "county", 2023),
    ("各位代表：\n我代表省人民政府，向大会报告工作，请予审议。\n刚刚过去的2021年，全省经济稳中向好。", None, "province", 2022),
    ("各位代表：\n受市人民政府委托，向大会报告工作。\n二、2025年工作安排\n今年的主要预期目标是：地区生产总值增长5%左右。",
     None, "city", 2025),
    ("各位代表：\n现在，我代表呼和浩特市人民政府，向大会报告工作。\n今年是2024年，是实现“十四五”规划目标任务的关键一年。",
     "呼和浩特市", "city", 2024),
    ("各位代表：\n现在，我代表某某自治县人民政府向大会报告工作。", "某某自治县", "county", None),
    # a review's heading without its year, its first words naming the year past
    ("各位代表：\n一、过去一年工作回顾\n2023年，全市地区生产总值增长5%。\n二、今年工作安排\n地区生产总值增长6%左右。",
     None, None, 2024),
    ("各位代表：\n一、过去一年的工作\n2022年是极不平凡的一年。全县地区生产总值增长3%。", None, None, 2023),
    # news items: the session they report on names the region; the list names its year
    ("1月14日，东湖区第八届人民代表大会第四次会议开幕，区长代表区人民政府作政府工作报告。\n"
     "报告提出，2024年全区经济社会发展主要预期目标为：地区生产总值增长6.5%左右。", "东湖区", "county", 2024),
    ("昨天上午，在青州市第十八届人民代表大会第三次会议上，市长作了政府工作报告。", "青州市", "county", None),  # a county-level city (370781)
    ("3月5日，第十四届全国人民代表大会第二次会议在北京开幕。", "全国", "national", 2024),
    ("我们要认真贯彻第十四届全国人民代表大会第二次会议精神，全年地区生产总值增长5%。", None, None, None),
    ("新华社北京3月5日电 国务院总理5日在政府工作报告中提出，今年发展主要预期目标是：国内生产总值增长5%左右。",
     "全国", "national", None),
])
def test_cues_in_the_body(text, region, level, year):
    report = parse_report(text)
    assert (report.metadata.region, report.metadata.level, report.metadata.year) == (region, level, year)
    expected = {name for name, value in (("region", region), ("level", level), ("year", year)) if value}
    assert set(report.inferred) == expected
    sources = dict(report.provenance)
    assert all(sources[name].startswith("body: ") for name in expected)


@pytest.mark.parametrize("text", [
    "各位代表：\n过去一年，我们坚持稳中求进。\n一、过去五年工作回顾\n全年地区生产总值增长5%。",  # no year named
    "2020年是极不平凡的一年，全市上下众志成城。",  # a year in a sentence is no cue
    "一、2022年工作回顾\n全年增长5%。\n二、2022年工作安排\n今年增长6%。",  # cues that disagree (2023 vs 2022)
    "我们代表了人民的利益，为人民服务。",
    "一、过去五年工作回顾\n2023年，全市地区生产总值增长5%。",  # five years: the report may be 2024's or later
    "一、过去一年工作回顾\n过去一年，全市上下团结奋斗。2023年地区生产总值增长5%。",  # a year later in the paragraph
])
def test_no_cue_no_value(text):
    report = parse_report(text)
    assert (report.metadata.region, report.metadata.level, report.metadata.year) == (None, None, None)
    assert report.inferred == ()


def test_front_matter_wins_and_is_not_inferred():
    text = ("2021年某某县政府工作报告\n——2021年1月10日在某某县第十七届人民代表大会第五次会议上\n"
            "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2020年工作回顾\n全年增长5%。")
    report = parse_report(text)
    assert (report.metadata.region, report.metadata.level, report.metadata.year) == ("某某县", "county", 2021)
    assert report.inferred == ()
    assert dict(report.provenance)["year"] == "front matter: meeting date"


def test_reports_json_lists_inferred_fields(cli, tmp_path):
    folder = tmp_path / "r"
    write(folder / "gov-2024.txt", "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2023年工作回顾\n"
                                   "过去一年，国内生产总值增长5.2%。")
    write(folder / "plain.txt", "一、回顾\n全年增长5%。")
    write(folder / "reports.toml", '[[report]]\nfile = "gov-2024.txt"\nyear = 2024\n')
    index = tmp_path / "i.sqlite"
    assert cli("build", str(folder), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "reports", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    # the year comes from reports.toml, so only region and level were inferred from the body
    assert rows["gov-2024"]["inferred"] == ["level", "region"]
    assert (rows["gov-2024"]["region"], rows["gov-2024"]["year"]) == ("全国", 2024)
    assert rows["plain"]["inferred"] == [] and rows["plain"]["year"] is None
    code, out, _ = cli("--index", str(index), "search", "国内生产总值", "--region", "全国", "--json")
    assert code == 0 and json.loads(out)[0]["report"] == "gov-2024"


def test_a_meeting_line_without_its_date_and_the_date_on_a_line_of_its_own():
    report = parse_report("政府工作报告\n——在广元市第九届人民代表大会第四次会议上\n市长 张三\n2024年1月15日\n各位代表：\n"
                          "一、2023年工作回顾\n全市地区生产总值增长6%。")
    meta = report.metadata
    assert (meta.region, meta.level, meta.date, meta.meeting, meta.speaker) == (
        "广元市", "city", "2024-01-15", "广元市第九届人民代表大会第四次会议", "张三")
    assert [p.text for p in report.paragraphs] == ["各位代表：", "全市地区生产总值增长6%。"]


def test_a_news_item_without_a_year_takes_its_byline_s():
    report = parse_report("记者 张三 报道 2024-03-05 10:32 来源：某某日报\n"
                          "国务院总理5日在政府工作报告中提出，今年发展主要预期目标是：国内生产总值增长5%左右。")
    assert (report.metadata.region, report.metadata.year, report.metadata.published) == ("全国", 2024, "2024-03-05")
    assert "year" in report.inferred and dict(report.provenance)["year"] == "news byline: 2024-03-05"
    undated = parse_report("国务院总理5日在政府工作报告中提出，今年发展主要预期目标是：国内生产总值增长5%左右。")
    assert undated.metadata.year is None  # no byline, no cue: no year


@pytest.mark.parametrize("review, plan", [("一、二〇二三年工作回顧", "二、二〇二四年工作安排"),
                                          ("一、二零二三年工作回顾", "二、二零二四年重点工作")])
def test_a_heading_year_in_chinese_numerals(review, plan):
    report = parse_report(f"各位代表：\n{review}\n全区地区生产总值增长5%。\n{plan}\n今年主要预期目标是：地区生产总值增长6%左右。\n")
    assert report.metadata.year == 2024 and dict(report.provenance)["year"] == f"body: {review}"
    assert [(g.indicator[:4], g.horizon) for g in report.goals] == [(report.goals[0].indicator[:4], "2024")]
