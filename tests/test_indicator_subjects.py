"""Indicators that keep their subject (issue: whole-country misses, classes 6, 9 and 10): ranks and
multiples name what is ranked or multiplied, time phrases stay out of indicators, generic heads
take the sector the sentence opens with, a clause before a figure is no subject, growth over
several years is not the year's, and levels crossed (迈上…台阶) keep their subject, code and `over`."""
from __future__ import annotations

import pytest

from reportcli.parse import parse_report
from reportcli.parse.figures import extract_figures

REVIEW = "一、2023年工作回顾"


def _figures(text: str, year: int = 2024) -> list[tuple]:
    return [(figure.indicator, figure.raw, figure.approx, figure.kind)
            for figure in extract_figures(text, section=REVIEW, report_year=year)]


def _coded(text: str) -> list[tuple]:
    report = parse_report("各位代表：\n一、2023年工作回顾\n" + text)
    return [(figure.raw, figure.code) for figure in report.figures]


@pytest.mark.parametrize("text, expected", [
    ("全省地区生产总值迈上5万亿元台阶，达到5.2万亿元。",
     [("地区生产总值", "5万亿元", "over", "level"), ("地区生产总值", "5.2万亿元", None, "level")]),
    ("地区生产总值跨越1000亿元台阶。", [("地区生产总值", "1000亿元", "over", "level")]),
    ("全市经济总量跨过万亿元大关。", [("经济总量", "万亿元", "over", "level")]),
    ("地区生产总值突破千亿元，达到1020亿元。",
     [("地区生产总值", "千亿元", "over", "level"), ("地区生产总值", "1020亿元", None, "level")]),
    ("地區生產總值站上3000億元新台階，增長5.5%。",
     [("地區生產總值", "3000億元", "over", "level"), ("地區生產總值增長", "5.5%", None, "change")]),
], ids=["迈上", "跨越", "万亿元大关", "突破千亿元", "traditional 站上"])
def test_a_level_crossed_keeps_its_subject_and_is_over(text, expected):
    assert _figures(text) == expected


def test_a_level_crossed_keeps_its_code():
    assert _coded("全市地区生产总值跨越1000亿元台阶，增长6%。") == [("1000亿元", "gdp"), ("6%", "gdp_growth")]


@pytest.mark.parametrize("text, name", [
    ("地区生产总值从2020年的2.5万亿元增加到3.1万亿元。", "地区生产总值"),
    ("城镇居民人均可支配收入由2020年的4.2万元提高到5.1万元。", "城镇居民人均可支配收入"),
    ("城鎮居民人均可支配收入由2020年的4.2萬元提高到5.1萬元。", "城鎮居民人均可支配收入"),
])
def test_a_windows_start_year_is_no_part_of_the_indicator(text, name):
    assert {indicator for indicator, *_ in _figures(text)} == {name}


def test_the_window_end_keeps_its_code_and_the_start_is_no_outcome():
    report = parse_report("各位代表：\n一、过去五年工作回顾\n地区生产总值从2020年的2.5万亿元增加到3.1万亿元。")
    assert [(figure.raw, figure.code, figure.basis) for figure in report.figures] == [
        ("2.5万亿元", "gdp", "from"), ("3.1万亿元", "gdp", None)]


@pytest.mark.parametrize("text, expected", [
    ("五年来，全省地区生产总值增长32%，年均增长5.7%。", ["地区生产总值五年增长", "地区生产总值年均增长"]),
    ("过去五年，一般公共预算收入增长25%。", ["一般公共预算收入五年增长"]),
    ("“十四五”时期，地区生产总值增长30%，城乡居民收入分别增长28%和35%。",
     ["地区生产总值五年增长", "城镇居民收入五年增长", "农村居民收入五年增长"]),
    ("三年来，规模以上工业增加值增长21%。", ["规模以上工业增加值三年增长"]),
    ("地区生产总值五年增长32%。", ["地区生产总值五年增长"]),
])
def test_growth_over_several_years_is_not_the_years_growth(text, expected):
    assert [indicator for indicator, *_ in _figures(text, 2026)] == expected


@pytest.mark.parametrize("text", ["过去一年，地区生产总值增长5%。", "五年来成绩显著。2023年地区生产总值增长5%。",
                                  "五年来，规模以上工业增加值年均增长8%。"])
def test_one_years_growth_and_an_average_stay_as_they_are(text):
    assert not any("五年增长" in indicator for indicator, *_ in _figures(text, 2026))


def test_several_years_growth_loses_the_years_code():
    coded = dict(_coded("五年来，全省地区生产总值增长32%，年均增长5.7%。"))
    # the five years' growth is no gdp_growth; the average keeps its code (and is never an outcome)
    assert coded == {"32%": None, "5.7%": "gdp_growth"}


@pytest.mark.parametrize("text, expected", [
    ("全市生产总值达到2800亿元、稳居全省前列、增长6.2%。", ["生产总值", "生产总值增长"]),
    ("经济总量连续三年位居全省第一、增长5.8%。", ["经济总量全省排名", "经济总量增长"]),
    ("全年实现地区生产总值486亿元，总量全市排名第5，增速全市第二。",
     ["地区生产总值", "地区生产总值总量全市排名", "地区生产总值增速全市排名"]),
    ("规模以上工业增加值是“十三五”末的1.5倍。", ["规模以上工业增加值与“十三五”末之比"]),
    ("全社会研发投入是2020年的2倍。", ["全社会研发投入与2020年之比"]),
    ("地区生产总值达到3000亿元，是“十三五”末的1.5倍。", ["地区生产总值", "地区生产总值与“十三五”末之比"]),
], ids=["standing between figures", "run of years", "ranks of one output", "multiple", "multiple of a year",
        "multiple carried"])
def test_ranks_multiples_and_standings_name_their_subject(text, expected):
    assert [indicator for indicator, *_ in _figures(text)] == expected


def test_a_clause_before_the_figure_keeps_the_code():
    assert _coded("全市生产总值达到2800亿元、稳居全省前列、增长6.2%。") == [("2800亿元", "gdp"), ("6.2%", "gdp_growth")]


@pytest.mark.parametrize("text, expected", [
    ("在交通领域，完成投资120亿元，增长15%。", ["交通投资", "交通投资增长"]),
    ("工业经济稳中有进，增加值增长8%，利润增长5%。", ["工业增加值增长", "工业利润增长"]),
    ("服务业提质增效，增加值增长6.5%。", ["服务业增加值增长"]),
    ("在教育方面，投入35亿元，新建学校12所。", ["教育投入", "新建学校"]),
    ("農業生產穩定，產值增長4%。", ["農業產值增長"]),
    ("制造业增加值增长8%，支出增长5%。", ["制造业增加值增长", "支出增长"]),  # no sector opens the sentence
])
def test_a_generic_head_takes_the_sector_the_sentence_opens_with(text, expected):
    assert [indicator for indicator, *_ in _figures(text)] == expected


@pytest.mark.parametrize("text, indicator", [
    # a one-character word before a subject (有, 其, 共, 并 …) is dropped, never the first character of the noun
    ("有色金属产量增长5%。", "有色金属产量增长"),
    ("每万人口有效发明专利拥有量达到12.5件。", "每万人口有效发明专利拥有量"),
    ("累计拥有有效发明专利1.5万件。", "有效发明专利"),
    ("其他服务业增加值增长6%。", "其他服务业增加值增长"),
    ("要素市场交易额120亿元。", "要素市场交易额"),
    ("都市圈经济总量突破2万亿元。", "都市圈经济总量"),
    ("和美乡村建设投入5亿元。", "和美乡村建设投入"),
    ("共享单车投放3万辆。", "共享单车投放"),
    ("并网装机容量达到1200万千瓦。", "并网装机容量"),
    ("全市共有A级景区45家。", "A级景区"),  # 共有 is still the verb
    ("其增速高于全国0.5个百分点。", "增速"),
    ("九年义务教育巩固率达到96%。", "九年义务教育巩固率"),  # a span of years only when it is one
    ("十五年免费教育覆盖率100%。", "十五年免费教育覆盖率"),
    ("五年来地区生产总值年均增长6%。", "地区生产总值年均增长"),
    ("每万人口拥有15.6件。", "每万人口拥有"),  # nor its last (拥有, not 拥)
    ("拟上市企业达到35家。", "拟上市企业"),  # companies preparing to list, not listed ones
])
def test_a_subject_keeps_its_first_character(text, indicator):
    assert _figures(text)[0][0] == indicator


@pytest.mark.parametrize("text, expected", [
    ("新建5G基站1.2万个，累计达到5.6万个。", ["新建5G基站", "5G基站"]),  # the total is of all, not the new ones
    ("新建改建农村公路1200公里，累计达到2.1万公里。", ["新建改建农村公路", "农村公路"]),
    ("新增高新技术企业320家、总数达到1800家。", ["新增高新技术企业", "高新技术企业总数"]),
    ("新增城镇就业5.2万人，同比增长3%。", ["新增城镇就业", "新增城镇就业增长"]),  # a change of the new ones stays theirs
])
def test_a_running_total_after_what_was_new(text, expected):
    assert [figure[0] for figure in _figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # where a measure came from is no part of its name
    ("三次产业结构由上年的8.5:40.2:51.3调整为8.1:39.8:52.1。", ["三次产业结构", "三次产业结构"]),
    ("三次产业结构由2022年的8.5:40.2:51.3调整为8.1:39.8:52.1。", ["三次产业结构", "三次产业结构"]),
    ("贫困人口从上年的12万人减少到3万人。", ["贫困人口", "贫困人口"]),
    # a completion rate keeps what it is the completion of
    ("城镇新增就业4.2万人，完成年度目标的128%。", ["城镇新增就业", "完成年度目标"]),
    ("完成目标的95%。", ["完成目标"]),
    ("完成年度任务的119.97%。", ["完成年度任务"]),
])
def test_from_phrases_and_completion_rates(text, expected):
    assert [figure[0] for figure in _figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a standing that moved is one standing, ranked where the text says
    ("经济总量在全省排名由第8位上升到第6位。", [("经济总量全省排名", "第8位"), ("经济总量全省排名", "第6位")]),
    ("综合实力排名从第12位跃升至第7位。", [("综合实力排名", "第12位"), ("综合实力排名", "第7位")]),
    ("营商环境评价在全省排名第3位。", [("营商环境评价全省排名", "第3位")]),
    # the same measure in another currency
    ("人均地区生产总值达到9.8万元，约合1.4万美元。", [("人均地区生产总值", "9.8万元"), ("人均地区生产总值", "1.4万美元")]),
    ("实际使用外资12亿美元，折合人民币86亿元。", [("实际使用外资", "12亿美元"), ("实际使用外资", "86亿元")]),
])
def test_moved_standings_and_converted_amounts(text, expected):
    assert [(figure[0], figure[1]) for figure in _figures(text)] == expected
    assert _figures("人均地区生产总值达到9.8万元，约合1.4万美元。")[1][2] == "about"  # 约合: about


@pytest.mark.parametrize("text, expected", [
    ("户籍人口城镇化率和常住人口城镇化率分别达到52.1%和63.4%。", ["户籍人口城镇化率", "常住人口城镇化率"]),
    ("一般公共预算收入和税收收入分别增长5%和6%。", ["一般公共预算收入增长", "税收收入增长"]),
    ("粮食播种面积和产量分别为1500万亩和120亿斤。", ["粮食播种面积和产量", "粮食播种面积和产量"]),  # 产量 alone names no measure
    ("研究与试验发展经费投入分别增长5%和6%。", ["研究与试验发展经费投入增长", "研究与试验发展经费投入增长"]),  # R&D is one name
    ("国家级专精特新“小巨人”企业新增12家、总数达到48家。", ["国家级专精特新“小巨人”企业新增", "国家级专精特新“小巨人”企业总数"]),
    ("高新技术企业新增320家。", ["高新技术企业新增"]),  # the new ones, not all of them
])
def test_pairs_joined_by_he_and_what_was_added(text, expected):
    assert [figure[0] for figure in _figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("力争经济总量进入全省前三。", [("经济总量全省排名", "全省前三", "under", "rank")]),  # a top-N without 位
    ("综合实力跻身全国百强县前50位。", [("综合实力全国百强县排名", "前50位", "under", "rank")]),
    ("经济总量跃居全省第5位。", [("经济总量全省排名", "全省第5位", None, "rank")]),
    ("前三季度地区生产总值增长5%。", [("地区生产总值增长", "5%", None, "change")]),  # 前三季度 is a time, not a rank
])
def test_top_n_standings(text, expected):
    assert _figures(text) == expected
