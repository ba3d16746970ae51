"""A news item whose title or lead restates one target before the whole list (issue: whole-country
misses, class 2): the list after the anchor is the headline list, whatever restated part of it."""
from __future__ import annotations

import pytest

from reportcli.parse import parse_report

NATIONAL_NEWS = (
    "今年经济增长预期目标5%左右\n"
    "新华社北京3月5日电 国务院总理5日在十四届全国人大二次会议上作政府工作报告时说，今年经济增长预期目标为5%左右。\n"
    "报告指出，今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；城镇调查失业率5.5%左右；"
    "居民消费价格涨幅3%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.3万亿斤以上。\n")
CITY_NEWS = (
    "政府工作报告摘要\n今年GDP增长目标定为6%以上\n"
    "本报讯 在市十七届人大三次会议上，市长作政府工作报告。今年全市经济增长目标为6%以上。\n"
    "今年全市经济社会发展主要目标是：地区生产总值增长6%以上，规模以上工业增加值增长7%，固定资产投资增长8%，"
    "社会消费品零售总额增长7%，城镇居民人均可支配收入增长6.5%。\n")
COUNTY_LEAD = (
    "各位代表：\n二、2025年工作安排\n今年全县地区生产总值预期目标为增长6%。综合考虑各方面因素，"
    "今年全县经济社会发展的主要预期目标是：\n地区生产总值增长6%左右；\n一般公共预算收入增长5%；\n"
    "城乡居民人均可支配收入增长与经济增长同步；\n城镇新增就业2000人。\n")
TRADITIONAL_NEWS = (
    "今年經濟增長預期目標5%左右\n"
    "報告指出，今年發展主要預期目標是：國內生產總值增長5%左右；城鎮新增就業1200萬人以上；城鎮調查失業率5.5%左右；"
    "居民消費價格漲幅3%左右；國際收支保持基本平衡。\n")


@pytest.mark.parametrize("text, codes", [
    (NATIONAL_NEWS, ["gdp_growth", "urban_jobs_new", "unemployment_surveyed", "cpi", "disposable_income_growth",
                     None, "grain_output"]),
    (CITY_NEWS, ["gdp_growth", "industrial_value_added_growth", "fixed_asset_investment_growth", "retail_sales_growth",
                 "urban_income_growth"]),
    (COUNTY_LEAD, ["gdp_growth", "budget_revenue_growth", "disposable_income_growth", "urban_jobs_new"]),
    (TRADITIONAL_NEWS, ["gdp_growth", "urban_jobs_new", "unemployment_surveyed", "cpi", None]),
], ids=["national-news", "city-news", "county-lead", "traditional-news"])
def test_the_whole_list_is_the_headline_list(text, codes):
    goals = parse_report(text).goals
    assert [goal.code for goal in goals if goal.main] == codes


def test_the_restatement_is_a_target_of_its_own_but_not_headline():
    restated = [goal for goal in parse_report(CITY_NEWS).goals if not goal.main]
    assert [(goal.raw, goal.code) for goal in restated] == [("6%以上", "gdp_growth"), ("6%以上", "gdp_growth")]


@pytest.mark.parametrize("line, year", [
    ("国务院总理5日在十四届全国人大二次会议上作政府工作报告。", 2024),
    ("十三届全国人大三次会议5月22日上午在人民大会堂开幕。", 2020),
    ("在第十四届全国人民代表大会第三次会议上", 2025),
])
def test_the_npc_session_as_news_abbreviate_it_gives_the_year(line, year):
    report = parse_report(line + "\n各位代表：\n一、过去一年工作回顾\n经济运行稳中向好。")
    assert report.metadata.year == year


def test_a_five_year_list_does_not_take_the_years_place():
    text = ("各位代表：\n二、2026年工作安排\n今年经济增长预期目标为5%左右。\n"
            "“十五五”时期经济社会发展的主要目标是：经济增长保持在合理区间，居民收入增长和经济增长同步，"
            "研发经费投入年均增长7%以上，城镇调查失业率控制在5.5%以内。\n")
    main = [goal for goal in parse_report(text).goals if goal.main]
    assert [(goal.raw, goal.horizon) for goal in main] == [("5%左右", "2026")]
