"""Headline lists that run on over several sentences of their paragraph (issue: whole-country
misses, class 7): every item after the first 。 is a headline target too, and the list ends where
its items end (an explanation, a policy arrangement, a heading)."""
from __future__ import annotations

import pytest

from reportcli.parse import parse_report

CASES = {
    "province": ("各位代表：\n二、2024年工作安排\n今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。"
                 "居民消费价格涨幅3%左右，城镇调查失业率5.5%以内，城镇新增就业100万人以上。"
                 "提出上述目标，主要考虑是稳就业需要一定的增长。",
                 {"gdp_growth", "cpi", "unemployment_surveyed", "urban_jobs_new"}),
    "city": ("各位代表：\n三、2025年主要目标任务\n全市经济社会发展主要预期目标是：地区生产总值增长6%以上。"
             "一般公共预算收入增长5%，居民人均可支配收入增长与经济增长同步。城镇新增就业8万人。\n（一）扩大有效需求。要促进消费，增长7%。",
             {"gdp_growth", "budget_revenue_growth", "disposable_income_growth", "urban_jobs_new"}),
    "traditional": ("各位代表：\n二、2024年工作安排\n今年全省發展的主要預期目標是：地區生產總值增長5%左右。"
                    "居民消費價格漲幅3%左右，城鎮調查失業率5.5%左右。赤字率擬按3%安排。",
                    {"gdp_growth", "cpi", "unemployment_surveyed"}),
}


@pytest.mark.parametrize("style", sorted(CASES))
def test_items_after_the_first_full_stop_are_headline_targets(style):
    text, codes = CASES[style]
    report = parse_report(text)
    assert {goal.code for goal in report.goals if goal.main} == codes


def test_the_list_ends_where_its_items_end():
    text, _ = CASES["city"]
    other = [goal for goal in parse_report(text).goals if not goal.main]
    assert [goal.raw for goal in other] == ["7%"]  # the heading's section is no part of the list
    fiscal = [goal for goal in parse_report(CASES["traditional"][0]).goals if goal.code == "deficit_ratio"]
    assert fiscal and not any(goal.main for goal in fiscal)  # 赤字率擬按3%安排 is an arrangement, not an item


QUALITATIVE = ["外贸稳中提质", "国际收支保持基本平衡", "主要污染物排放总量持续减少", "生态环境质量稳中向好",
               "物价总水平与国家调控目标衔接", "能耗强度和主要污染物排放进一步降低", "居民消费价格保持合理水平",
               "居民消费价格温和回升", "工业增加值实现正增长", "空气质量保持优良", "居民收入增速高于经济增速",
               "城乡居民收入增长高于全国平均水平", "完成国家下达的节能减排目标任务"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_qualitative_items_of_a_headline_list(script):
    from reportcli._t2s import SIMPLIFIED, TRADITIONAL

    items = QUALITATIVE + ["完成上级下达的各项目标任务"]
    text = "各位代表：\n二、2024年工作安排\n今年发展主要预期目标是：国内生产总值增长5%左右；" + "；".join(items) + "。"
    if script == "traditional":
        text = text.translate(str.maketrans(SIMPLIFIED, TRADITIONAL))
    found = {goal.text for goal in parse_report(text).goals if goal.main and goal.value is None}
    expected = QUALITATIVE if script == "simplified" else [item.translate(str.maketrans(SIMPLIFIED, TRADITIONAL))
                                                          for item in QUALITATIVE]
    assert found == set(expected)  # the generic 完成上级下达的各项目标任务 names no indicator: left out


def test_qualitative_items_take_the_code_of_their_measure():
    text = "各位代表：\n二、2024年工作安排\n今年发展主要预期目标是：" + "；".join(QUALITATIVE) + "。"
    codes = {goal.text: goal.code for goal in parse_report(text).goals}
    assert (codes["居民消费价格温和回升"], codes["工业增加值实现正增长"], codes["居民收入增速高于经济增速"]) == (
        "cpi", "industrial_value_added_growth", "disposable_income_growth")


@pytest.mark.parametrize("text, year", [
    ("政府工作报告\n——在第十四届全国人民代表大会第一次会议上\n各位代表：\n一、过去五年工作回顾\n国内生产总值增长5.2%。", 2023),
    ("国务院总理在第十三届全国人民代表大会第三次会议上作政府工作报告。\n一、过去一年工作回顾\n成绩显著。", 2020),
    ("各位代表：\n一、“十四五”时期工作回顾\n五年来成绩显著。\n二、今年工作安排\n今年是“十五五”规划的开局之年，"
     "主要预期目标是：地区生产总值增长5%—5.5%。", 2026),
    ("各位代表：\n一、過去五年工作回顧\n成績顯著。\n二、今年工作\n今年是“十四五”規劃收官之年。", 2025),
])
def test_a_report_whose_review_heading_has_no_year_takes_it_from_elsewhere(text, year):
    report = parse_report(text)
    assert report.metadata.year == year and "year" in report.inferred


def test_a_provincial_congress_term_gives_no_year():
    report = parse_report("——在浙江省第十四届人民代表大会第二次会议上\n各位代表：\n一、过去五年工作回顾\n成绩显著。")
    assert report.metadata.year is None


@pytest.mark.parametrize("text, names", [
    ("各位代表：\n二、2024年工作安排\n今年主要预期目标是：三次产业增加值分别增长3.5%左右、6%左右、6.5%左右。",
     ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    ("各位代表：\n一、2023年工作回顧\n三次產業增加值分別增長3.5%、6%和6.5%。",
     ["第一產業增加值增長", "第二產業增加值增長", "第三產業增加值增長"]),
    ("各位代表：\n一、2023年工作回顾\n进出口分别增长5%和3%。", ["进口增长", "出口增长"]),
])
def test_a_compound_subject_names_each_part(text, names):
    report = parse_report(text)
    found = [goal.indicator for goal in report.goals] if "目标" in text else [f.indicator for f in report.figures]
    assert found == names


PROVINCIAL_2024 = (
    "各位代表：\n二、2024年工作安排\n今年经济社会发展的主要预期目标是：全省生产总值增长5.5%左右；一般公共预算收入与经济增长"
    "基本同步；研究与试验发展经费投入强度达到3.2%左右；城镇新增就业100万人以上，城镇调查失业率控制在5.5%以内；居民消费价格"
    "涨幅3%左右；居民收入增长与经济增长同步；单位生产总值能耗完成国家下达的目标任务，主要污染物排放、生态环境质量保持全国前列。")
BULLETED_CITY = (
    "各位代表：\n三、2024年工作总体要求和主要目标\n今年全市经济社会发展的主要预期目标为：\n——地区生产总值增长6%左右；\n"
    "——一般公共预算收入增长5%；\n——城镇调查失业率控制在5.5%以内；\n——能耗强度和主要污染物排放总量完成上级下达任务；\n"
    "——完成上级下达的节能减排和环境质量目标。\n实现上述目标，要重点做好以下工作。")


def test_a_named_measure_before_a_task_handed_down_is_a_target():
    goals = [(goal.indicator, goal.code) for goal in parse_report(PROVINCIAL_2024).goals if goal.main and goal.value is None]
    assert goals == [("一般公共预算收入与经济增长", "budget_revenue_growth"), ("居民收入增长与经济增长", "disposable_income_growth"),
                     ("单位生产总值能耗", "energy_intensity"), ("主要污染物排放、生态环境质量", None)]


def test_a_bulleted_list_without_its_bullets():
    goals = [goal for goal in parse_report(BULLETED_CITY).goals if goal.main]
    assert [goal.text for goal in goals] == ["地区生产总值增长6%左右", "一般公共预算收入增长5%", "城镇调查失业率控制在5.5%以内",
                                             "能耗强度和主要污染物排放总量完成上级下达任务", "完成上级下达的节能减排和环境质量目标"]
    assert [(goal.indicator, goal.code) for goal in goals[3:]] == [("能耗强度和主要污染物排放总量", "energy_intensity"),
                                                                   ("节能减排和环境质量", None)]


# A list whose sentence runs on over lines broken at its items' semicolons (a PDF's text, a web
# page's <br>): the lines after the anchor's own are items until the list's 。.
OPEN_LINES = {
    "pdf lines": ("二、2019年主要目标任务\n今年全省经济社会发展的主要预期目标是：地区生产总值增长6-6.5%；居民消费价格涨幅3%左右；\n"
                  "城镇新增就业110万人以上，城镇登记失业率控制在3.5%以内；居民收入增长与经济增长基本同步；\n"
                  "单位生产总值能耗下降完成国家下达任务。\n一般公共预算收入计划增长5%，必须坚持过紧日子。",
                  ["gdp_growth", "cpi", "urban_jobs_new", "unemployment_registered", "disposable_income_growth",
                   "energy_intensity"]),
    "traditional, comma": ("二、2020年工作安排\n全市發展的主要預期目標是：地區生產總值增長7%左右，\n"
                           "城鎮調查失業率5.5%以內，居民消費價格漲幅3.5%左右。\n（一）擴大有效投資。全年完成投資增長8%。",
                           ["gdp_growth", "unemployment_surveyed", "cpi"]),
}


def _main_codes(body: str) -> list:
    return [goal.code for goal in parse_report("各位代表：\n" + body).goals if goal.main]


def test_a_line_ending_open_then_prose_is_no_list():
    text = ("各位代表：\n二、2021年工作安排\n今年主要预期目标是：地区生产总值增长6%左右；\n"
            "为此，我们要坚持稳中求进工作总基调，统筹推进各项工作，全力以赴抓项目、扩投资、促消费，全年固定资产投资增长10%，"
            "确保经济运行在合理区间。")
    goals = parse_report(text).goals
    assert [goal.code for goal in goals if goal.main] == ["gdp_growth"]


# A headline list under a heading of its own, with no anchor sentence: a county's numbered items,
# a news summary's bracketed topics and bullets, a city's bare lines.
HEADED = {
    "numbered items": ("二、2022年工作安排\n（一）主要预期目标\n1.地区生产总值增长7%左右；\n2.一般公共预算收入增长6%；\n"
                       "3.城镇新增就业3000人以上；\n4.居民人均可支配收入增长与经济增长同步。\n（二）重点工作\n全年实施重点项目80个。",
                       ["gdp_growth", "budget_revenue_growth", "urban_jobs_new", "disposable_income_growth"]),
    "news bullets": ("【2022年成绩单】\n●地区生产总值4.87万亿元，增长4.5%\n●城镇新增就业74.6万人\n【2023年主要预期目标】\n"
                     "◆地区生产总值增长6.5%左右\n◆固定资产投资增长8%以上\n◆居民消费价格涨幅3%左右\n【过去五年】\n"
                     "人均地区生产总值突破1万美元。",
                     ["gdp_growth", "fixed_asset_investment_growth", "cpi"]),
    "a summary's spaced lines": ("【成绩单】\n地区生产总值 4.87万亿元 增长4.5%\n【2023年目标】\nGDP增长6.5%左右\n"
                                 "城镇调查失业率 5.5%左右\n居民消费价格涨幅 3%左右\n",
                                 ["gdp_growth", "unemployment_surveyed", "cpi"]),
    "bare lines, traditional": ("三、2021年主要目標任務\n地區生產總值增長6%左右；\n城鎮調查失業率5.5%以內；\n"
                                "居民消費價格漲幅3%左右。\n四、全力抓好重點工作\n新建5G基站3000個。",
                                ["gdp_growth", "unemployment_surveyed", "cpi"]),
}


@pytest.mark.parametrize("style", sorted(OPEN_LINES) + sorted(HEADED))
def test_a_list_left_open_at_a_line_end_or_under_its_own_heading_is_the_headline_list(style):
    text, codes = {**OPEN_LINES, **HEADED}[style]
    assert _main_codes(text) == codes  # the list ends where its items end: what follows is not of it


def test_a_heading_over_prose_or_a_review_heading_is_no_list():
    prose = ("各位代表：\n二、2024年主要目标任务\n今年政府工作的总体要求是：坚持稳中求进，推动高质量发展。"
             "坚决完成年度各项任务，全年固定资产投资增长8%。\n")
    assert not any(goal.main for goal in parse_report(prose).goals)
    review = "各位代表：\n一、2023年工作回顾\n（一）主要预期目标完成情况\n地区生产总值增长5.2%；\n城镇新增就业2万人。\n"
    assert not any(goal.main for goal in parse_report(review).goals)


def test_bracketed_topic_lines_are_sections_but_page_chrome_is_not():
    from reportcli.parse.sections import heading_of

    report = parse_report(HEADED["news bullets"][0])
    assert [section.label for section in report.sections] == ["【2022年成绩单】", "【2023年主要预期目标】", "【过去五年】"]
    for chrome in ("【字体:大 中 小】", "【打印】【关闭】", "【关闭窗口】 打印本页"):
        assert heading_of(chrome) is None


NEWS_ITEM = ("河北省政府工作报告提出：今年GDP预期增长6%左右\n2024-01-22 10:15　来源：河北日报\n"
             "1月21日，河北省十四届人大二次会议开幕，省长王正谱作政府工作报告。\n"
             "报告提出，2024年全省经济社会发展的主要预期目标是：生产总值增长6%左右。\n"
             "一般公共预算收入增长5%。城镇新增就业88万人，城镇调查失业率5.5%左右。居民消费价格涨幅3%左右。\n"
             "报告指出，2023年全省地区生产总值增长5.5%，达到4.39万亿元。\n"
             "报告还提出，今年要实施省重点建设项目2500个，完成投资1.2万亿元。\n")


def test_a_news_items_list_goes_on_in_the_paragraphs_after_its_anchor():
    goals = parse_report(NEWS_ITEM).goals
    assert [goal.code for goal in goals if goal.main] == [
        "gdp_growth", "budget_revenue_growth", "urban_jobs_new", "unemployment_surveyed", "cpi"]
    assert not any("4.39" in goal.raw or "5.5%" == goal.raw for goal in goals)  # 报告指出，2023年…: the review


@pytest.mark.parametrize("after", ["力争全年实际使用外资超过200亿美元，确保粮食产量稳定在5000万吨以上。",
                                   "展望“十五五”，到2030年全省地区生产总值突破8万亿元。",
                                   "去年全省城镇新增就业92万人。"])
def test_what_follows_a_list_that_ends_its_paragraph_is_not_of_it(after):
    text = "各位代表：\n二、2024年工作安排\n今年全省主要预期目标是：地区生产总值增长6%左右；城镇新增就业88万人。\n" + after + "\n"
    assert [goal.code for goal in parse_report(text).goals if goal.main] == ["gdp_growth", "urban_jobs_new"]


# A summary that gives each figure first and its label after, a line each, no punctuation inside
# the lines: lines are not joined as if wrapped, and each label names its figure.
FIGURES_FIRST = ("数说2024年政府工作报告\n2024年3月5日 新华网\n【2024年发展主要预期目标】\n5%左右——国内生产总值增长\n"
                 "1200万人以上——城镇新增就业\n5.5%左右——城镇调查失业率\n3%左右——居民消费价格涨幅\n【2023年成绩】\n"
                 "5.2%：国内生产总值增长\n1244万人：城镇新增就业\n")


def test_a_summary_of_figures_first_and_labels_after():
    report = parse_report(FIGURES_FIRST)
    assert [(goal.code, goal.raw) for goal in report.goals if goal.main] == [
        ("gdp_growth", "5%左右"), ("urban_jobs_new", "1200万人以上"), ("unemployment_surveyed", "5.5%左右"), ("cpi", "3%左右")]
    achieved = [(figure.indicator, figure.raw) for figure in report.figures if not figure.target]
    assert achieved == [("国内生产总值增长", "5.2%"), ("城镇新增就业", "1244万人")]


@pytest.mark.parametrize("item, code", [("地区生产总值增速高于全省平均水平", "gdp_growth"),
                                        ("居民人均可支配收入增长快于经济增长", "disposable_income_growth"),
                                        ("一般公共预算收入增长与经济增长相匹配", "budget_revenue_growth")])
def test_a_qualitative_item_on_a_growth_takes_the_growths_code(item, code):
    text = "各位代表：\n二、2024年工作安排\n今年主要预期目标是：城镇新增就业1.5万人以上；" + item + "。"
    [goal] = [goal for goal in parse_report(text).goals if goal.main and not goal.raw]
    assert goal.code == code
