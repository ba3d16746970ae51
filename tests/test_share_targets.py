"""Shares as targets (issue: whole-country misses, class 4): X占Y比重N%, 研发经费投入强度N% and
their qualitative kin in a headline list are headline targets, with the code of what they measure
whichever way the denominator is written (占GDP比重, 占地区生产总值的比重, 占国内生产总值比重)."""
from __future__ import annotations

import pytest

from reportcli.parse import parse_report
from reportcli.parse.indicators import classify

ITEMS = [  # (item, indicator, raw, code)
    ("研发经费投入强度2.5%", "研发经费投入强度", "2.5%", "rd_intensity"),
    ("研究与试验发展经费投入占地区生产总值比重达到2.5%", "研究与试验发展经费投入占地区生产总值比重", "2.5%", "rd_intensity"),
    ("研发经费投入强度达到全国平均水平", "研发经费投入强度", "", "rd_intensity"),
    ("服务业增加值占地区生产总值的比重达到52%", "服务业增加值占地区生产总值的比重", "52%", "service_share"),
    ("第三产业增加值占GDP比重提高到48%", "第三产业增加值占GDP比重", "48%", "service_share"),
    ("数字经济核心产业增加值占地区生产总值比重达到10%左右", "数字经济核心产业增加值占地区生产总值比重", "10%左右",
     "digital_economy_share"),
    ("非化石能源占能源消费总量比重达到20%", "非化石能源占能源消费总量比重", "20%", "non_fossil_energy_share"),
    ("常住人口城镇化率达到65%", "常住人口城镇化率", "65%", "urbanization_rate"),
    ("民营经济增加值占GDP比重55%以上", "民营经济增加值占GDP比重", "55%以上", None),
]
LISTS = {
    "province": "各位代表：\n二、2024年工作安排\n今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右；{}；城镇新增就业80万人。",
    "city, over sentences": "各位代表：\n三、2025年主要目标任务\n全市主要预期目标是：地区生产总值增长6%左右。{}，城镇新增就业8万人。",
    "county, a line each": "各位代表：\n二、2024年工作安排\n全县主要预期目标是：\n地区生产总值增长6%左右；\n{}；\n城镇新增就业2000人。",
}


@pytest.mark.parametrize("style", sorted(LISTS))
@pytest.mark.parametrize("item, indicator, raw, code", ITEMS, ids=[str(item[3]) + str(n) for n, item in enumerate(ITEMS)])
def test_a_share_in_a_headline_list_is_a_headline_target(style, item, indicator, raw, code):
    main = [goal for goal in parse_report(LISTS[style].format(item)).goals if goal.main]
    assert [goal.code for goal in main] == ["gdp_growth", code, "urban_jobs_new"]
    assert (main[1].indicator, main[1].raw) == (indicator, raw)


def test_traditional_shares():
    text = ("各位代表：\n二、2024年工作安排\n今年主要預期目標是：地區生產總值增長5%左右；研發經費投入強度達到2.5%；"
            "數字經濟核心產業增加值佔GDP比重達到10%；服務業增加值佔地區生產總值的比重達到52%。")
    assert [goal.code for goal in parse_report(text).goals if goal.main] == [
        "gdp_growth", "rd_intensity", "digital_economy_share", "service_share"]


def test_an_intensity_said_after_its_spending_keeps_the_spending():
    text = "各位代表：\n二、2024年工作安排\n今年主要预期目标是：全社会研发投入增长10%以上，投入强度达到2.6%。"
    goals = parse_report(text).goals
    assert [(goal.indicator, goal.code) for goal in goals if goal.raw == "2.6%"] == [("全社会研发投入强度", "rd_intensity")]


@pytest.mark.parametrize("written", ["服务业增加值占GDP比重", "服务业增加值占国内生产总值的比重", "服务业增加值占地区生产总值比重",
                                     "全省服务业增加值占生产总值比重"])
def test_one_denominator_however_written(written):
    assert classify(written, "share", "%").code == "service_share"
