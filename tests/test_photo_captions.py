"""Metadata after a photo caption (issue: whole-country misses, class 11): a page that opens with a
photo's caption and credit, then the title, then the meeting line in parentheses, gives its
title, region and year from those lines; the caption is no part of them."""
from __future__ import annotations

import pytest

from reportcli.parse import parse_report

CASES = {
    "province, caption with credit": (
        "1月15日，省长王某某在省十四届人大二次会议上作政府工作报告。记者 张三 摄\n政府工作报告\n"
        "（2024年1月15日在湖南省第十四届人民代表大会第二次会议上）\n省长 王某某\n各位代表：\n"
        "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n全省地区生产总值增长4.6%。",
        ("政府工作报告", "湖南省", "province", 2024, "430000")),
    "city, credit in brackets": (
        "图为会议现场。（新华社记者 李四 摄）\n政府工作报告\n(2023年2月10日在成都市第十七届人民代表大会第二次会议上)\n"
        "成都市人民政府市长\n各位代表：\n一、过去五年工作回顾\n五年来，成绩显著。",
        ("政府工作报告", "成都市", "city", 2023, "510100")),
    "county, credit after a slash": (
        "▲1月20日上午，县十八届人大三次会议隆重开幕。 摄影/王五\n政府工作报告\n"
        "——2025年1月20日在江川县第十八届人民代表大会第三次会议上\n县长 赵六\n各位代表：\n一、2024年工作回顾\n"
        "全县地区生产总值增长5%。",
        ("政府工作报告", None, "county", 2025, None)),
    "traditional, credit after a colon": (
        "廣東省省長在會上作政府工作報告。攝影：陳七\n政府工作報告\n"
        "（2024年1月23日在廣東省第十四屆人民代表大會第二次會議上）\n各位代表：\n一、2023年工作回顧\n全省地區生產總值增長4.8%。",
        ("政府工作報告", "广东省", "province", 2024, "440000")),
}


@pytest.mark.parametrize("style", sorted(CASES))
def test_the_caption_is_no_part_of_the_front_matter(style):
    text, (title, region, level, year, code) = CASES[style]
    meta = parse_report(text).metadata
    assert (meta.title, meta.level, meta.year) == (title, level, year)
    if region is not None:
        assert (meta.region, meta.region_code) == (region, code)


def test_the_caption_stays_a_paragraph_of_its_own():
    text, _ = CASES["province, caption with credit"]
    report = parse_report(text)
    assert not any("政府工作报告（" in paragraph.text or paragraph.text.endswith("摄政府工作报告")
                   for paragraph in report.paragraphs)


@pytest.mark.parametrize("text, region, year", [
    ("广东：今年GDP增长目标5%左右\n南方日报讯 1月23日，广东省十四届人大二次会议开幕。省长作政府工作报告。"
     "报告提出，今年全省地区生产总值增长5%左右。", "广东省", None),
    ("四川省十四届人大二次会议开幕 省长作政府工作报告\n1月25日上午，四川省十四届人大二次会议在成都开幕。"
     "报告显示，2023年全省经济总量突破6万亿元。", "四川省", 2024),
    ("本报讯 2月18日上午，宜宾市五届人大四次会议在市会议中心开幕。市长作政府工作报告。\n"
     "报告指出，2024年要稳住经济增长。", "宜宾市", None),
])
def test_a_news_item_names_the_session_as_news_abbreviate_it(text, region, year):
    meta = parse_report(text).metadata
    assert (meta.region, meta.year) == (region, year)  # a report looking ahead (2024年要…) gives no year
