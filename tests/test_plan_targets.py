"""Five-year targets beside the year's list (issue: whole-country misses, class 13) and the shape
of the 2026 reports, the first year of the 十五五 plan: the plan's targets are targets (target
true) with the plan or its year as horizon, never achieved figures and never this year's headline."""
from __future__ import annotations

import pytest

from reportcli.parse import parse_report

NATIONAL_2026 = (
    "政府工作报告\n——2026年3月5日在第十四届全国人民代表大会第四次会议上\n各位代表：\n"
    "一、“十四五”时期发展成就和2025年工作回顾\n2025年国内生产总值增长5%，城镇新增就业1256万人。\n"
    "二、“十五五”时期主要目标任务和2026年工作安排\n"
    "“十五五”时期经济社会发展主要目标是：经济增长保持在合理区间，居民收入增长和经济增长同步，"
    "到2030年研发经费投入强度达到3%以上，常住人口城镇化率提高到70%左右。\n"
    "今年发展主要预期目标是：国内生产总值增长5%—5.5%，在实际工作中努力争取更好结果；城镇调查失业率5.5%左右，"
    "城镇新增就业1200万人以上；居民消费价格涨幅2%左右；居民收入增长与经济增长同步；国际收支保持基本平衡；"
    "粮食产量1.4万亿斤左右；单位国内生产总值能耗降低3%左右。\n"
    "“十五五”期间，全员劳动生产率年均增长6%以上。到2030年，人均预期寿命达到80岁。\n")
PROVINCE_2026 = (
    "各位代表：\n一、“十四五”时期工作回顾\n五年来，全省地区生产总值年均增长5.6%。\n"
    "二、2026年工作安排\n今年是“十五五”规划的开局之年。全省经济社会发展的主要预期目标是：地区生产总值增长5%-5.5%；"
    "一般公共预算收入增长3%；城镇新增就业100万人以上；居民消费价格涨幅2%左右。\n"
    "展望“十五五”，到2030年全省地区生产总值突破8万亿元，研发经费投入强度达到3.2%。\n")
CITY_TRADITIONAL_2026 = (
    "各位代表：\n二、2026年工作安排\n今年全市經濟社會發展的主要預期目標是：地區生產總值增長5.5%～6%；"
    "城鎮新增就業8萬人；居民人均可支配收入增長與經濟增長同步。\n"
    "“十五五”期間，全市地區生產總值年均增長5.5%以上。\n")


def _main(text: str) -> list:
    return [(goal.code, goal.raw, goal.horizon) for goal in parse_report(text).goals if goal.main]


def test_the_national_2026_report_headline_is_the_years_list():
    assert _main(NATIONAL_2026) == [
        ("gdp_growth", "5%—5.5%", "2026"), ("unemployment_surveyed", "5.5%左右", "2026"),
        ("urban_jobs_new", "1200万人以上", "2026"), ("cpi", "2%左右", "2026"),
        ("disposable_income_growth", "", "2026"), (None, "", "2026"), ("grain_output", "1.4万亿斤左右", "2026"),
        ("energy_intensity", "3%左右", "2026")]


def test_the_plans_targets_are_targets_with_the_plans_horizon():
    goals = [goal for goal in parse_report(NATIONAL_2026).goals if not goal.main]
    assert [(goal.indicator, goal.raw, goal.horizon) for goal in goals] == [
        ("经济增长", "", "十五五"), ("居民收入增长和经济增长", "", "十五五"),
        ("研发经费投入强度", "3%以上", "2030"), ("常住人口城镇化率", "70%左右", "十五五"),
        ("全员劳动生产率", "6%以上", "十五五"), ("人均预期寿命", "80岁", "2030")]


@pytest.mark.parametrize("text, raw", [(NATIONAL_2026, "6%以上"), (CITY_TRADITIONAL_2026, "5.5%以上")])
def test_a_plans_average_is_a_target_not_an_achieved_figure(text, raw):
    figure = next(figure for figure in parse_report(text).figures if figure.raw == raw)
    assert figure.target is True


def test_a_past_plans_average_stays_achieved():
    figure = next(figure for figure in parse_report(PROVINCE_2026).figures if figure.raw == "5.6%")
    assert figure.target is False  # 五年来…年均增长5.6%: the 十四五 behind the 2026 report


def test_the_provincial_plan_beside_the_list():
    report = parse_report(PROVINCE_2026)
    assert report.metadata.year == 2026
    assert [code for code, _, _ in _main(PROVINCE_2026)] == ["gdp_growth", "budget_revenue_growth",
                                                              "urban_jobs_new", "cpi"]
    later = [(goal.raw, goal.horizon) for goal in report.goals if not goal.main]
    assert later == [("8万亿元", "2030"), ("3.2%", "2030")]


def test_a_traditional_city_list_with_a_tilde_range():
    assert _main(CITY_TRADITIONAL_2026) == [("gdp_growth", "5.5%～6%", "2026"), ("urban_jobs_new", "8萬人", "2026"),
                                            ("disposable_income_growth", "", "2026")]
    plan = [goal for goal in parse_report(CITY_TRADITIONAL_2026).goals if goal.raw == "5.5%以上"]
    assert [(goal.main, goal.horizon, goal.code) for goal in plan] == [(False, "十五五", "gdp_growth")]


@pytest.mark.parametrize("written", ["5%—5.5%", "5%-5.5%", "5%～5.5%", "5%~5.5%", "5—5.5%", "5%至5.5%"])
def test_a_2026_range_in_any_dash(written):
    goal = next(goal for goal in parse_report("各位代表：\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长"
                                              + written + "；城镇新增就业5万人。").goals if goal.main)
    assert (goal.comparator, goal.low, goal.high, goal.code) == ("range", 5, 5.5, "gdp_growth")


def test_striving_for_better_results_is_no_target_of_its_own():
    goals = parse_report(NATIONAL_2026).goals
    assert not any("更好结果" in goal.text for goal in goals)
