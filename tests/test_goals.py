"""Goal extraction on passages in the style of national, provincial, city and county reports."""
import pytest

from reportcli.parse import parse_report


def goals_of(text):
    return parse_report(text).goals


def main_goals(text):
    return [(g.indicator, g.value, g.unit, g.comparator, g.direction) for g in goals_of(text) if g.main]


NATIONAL_2024 = """政府工作报告
——2024年3月5日在第十四届全国人民代表大会第二次会议上
一、2023年工作回顾
过去一年，国内生产总值超过126万亿元，增长5.2%。城镇新增就业1244万人。
二、2024年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右，生态环境质量持续改善。
提出经济增长预期目标为5%左右，综合考虑了促进就业增收、防范化解风险等需要。
"""


def test_national_headline_targets():
    assert main_goals(NATIONAL_2024) == [
        ("国内生产总值", 5, "%", "about", "up"),
        ("城镇新增就业", 12_000_000, "人", ">=", None),
        ("城镇调查失业率", 5.5, "%", "about", None),
        ("居民消费价格涨幅", 3, "%", "about", None),
        ("居民收入增长和经济增长", None, "", None, "up"),
        ("国际收支", None, "", None, None),
        ("粮食产量", 1_300_000_000_000, "斤", ">=", None),
        ("单位国内生产总值能耗", 2.5, "%", "about", "down"),
        ("生态环境质量", None, "", None, None),
    ]


def test_explanation_is_not_a_second_target_and_past_results_are_not_goals():
    goals = goals_of(NATIONAL_2024)
    assert sum(1 for g in goals if g.indicator == "国内生产总值" and g.value == 5) == 1
    assert not any(g.value == 1244 * 10_000 for g in goals)  # last year's employment is a result
    assert all(g.horizon == "2024" for g in goals)


PROVINCE_2023 = """一、2022年工作回顾
全省生产总值增长3.1%。
二、2023年工作安排
建议今年全省经济社会发展的主要预期目标为：地区生产总值增长6%-6.5%；一般公共预算收入增长5%以上；城镇新增就业110万人，城镇调查失业率控制在5.5%以内；居民消费价格涨幅3%左右；完成国家下达的节能减排任务。
力争全年实际使用外资超过200亿美元，确保粮食产量稳定在5000万吨以上。
"""


def test_provincial_range_and_commitments():
    goals = goals_of(PROVINCE_2023)
    headline = [g for g in goals if g.main]
    growth = headline[0]
    assert (growth.indicator, growth.value, growth.comparator, growth.low, growth.high, growth.direction) == \
        ("地区生产总值", 6, "range", 6, 6.5, "up")
    assert [(g.indicator, g.comparator) for g in headline[1:5]] == [
        ("一般公共预算收入", ">="), ("城镇新增就业", "="), ("城镇调查失业率", "<="), ("居民消费价格涨幅", "about")]
    assert headline[-1].value is None and "节能减排" in headline[-1].text
    others = [(g.indicator, g.value, g.comparator, g.strength) for g in goals if not g.main]
    assert others == [("实际使用外资", 20_000_000_000, ">=", "soft"), ("粮食产量", 50_000_000, ">=", "hard")]


CITY_ONE_PER_LINE = """三、2022年工作安排
今年全市经济社会发展的主要预期目标是：
地区生产总值增长7%左右；
固定资产投资增长10%；
社会消费品零售总额增长8%；
城镇登记失业率控制在4%以内。
"""


def test_one_target_per_line():
    assert main_goals(CITY_ONE_PER_LINE) == [
        ("地区生产总值", 7, "%", "about", "up"),
        ("固定资产投资", 10, "%", "=", "up"),
        ("社会消费品零售总额", 8, "%", "=", "up"),
        ("城镇登记失业率", 4, "%", "<=", None),
    ]


COUNTY_TRADITIONAL = """二、2023年工作安排
今年全縣經濟社會發展主要預期目標是：地區生產總值增長6.5%左右，一般公共預算收入增長8%，城鄉居民人均可支配收入分別增長6%和7.5%。
"""


def test_traditional_county_targets():
    assert main_goals(COUNTY_TRADITIONAL) == [
        ("地區生產總值", 6.5, "%", "about", "up"),
        ("一般公共預算收入", 8, "%", "=", "up"),
        ("城鎮居民人均可支配收入", 6, "%", "=", "up"),
        ("農村居民人均可支配收入", 7.5, "%", "=", "up"),
    ]


NEWS_ITEM = ("新华社北京3月5日电 政府工作报告提出，今年发展主要预期目标是：国内生产总值增长5%左右；"
             "城镇新增就业1200万人以上；城镇调查失业率5.5%左右。")


def test_news_item_quoting_targets():
    assert main_goals(NEWS_ITEM) == [
        ("国内生产总值", 5, "%", "about", "up"),
        ("城镇新增就业", 12_000_000, "人", ">=", None),
        ("城镇调查失业率", 5.5, "%", "about", None),
    ]


def test_a_report_without_targets_gets_none():
    review_only = "一、过去一年工作回顾\n全年地区生产总值完成174.46亿元，同比增长5%。\n城镇新增就业5325人。"
    assert goals_of(review_only) == ()


@pytest.mark.parametrize("sentence, expected", [
    ("今年主要预期目标是：地区生产总值增长6%以上。", ("地区生产总值", 6, ">=", "up", None)),
    ("今年主要预期目标是：城镇登记失业率不超过4.5%。", ("城镇登记失业率", 4.5, "<=", None, None)),
    ("今年主要预期目标是：万元GDP能耗下降3%。", ("万元GDP能耗", 3, "=", "down", None)),
    ("今年主要预期目标是：确保地区生产总值增长8%。", ("地区生产总值", 8, "=", "up", "hard")),
    ("今年主要预期目标是：力争地区生产总值增长9%。", ("地区生产总值", 9, "=", "up", "soft")),
    ("今年主要预期目标是：一般公共预算收入不低于50亿元。", ("一般公共预算收入", 5_000_000_000, ">=", None, None)),
    ("今年主要预期目标是：粮食产量突破100万吨。", ("粮食产量", 1_000_000, ">=", None, None)),
    ("今年主要预期目标是：居民消费价格涨幅控制在3%左右。", ("居民消费价格涨幅", 3, "about", None, None)),
    ("今年主要预期目标为地区生产总值增长5.5%左右。", ("地区生产总值", 5.5, "about", "up", None)),
    ("全市经济社会发展的主要预期目标建议为：地区生产总值增长6%。", ("地区生产总值", 6, "=", "up", None)),
    ("今年主要预期目标安排如下：地区生产总值增长5%以上。", ("地区生产总值", 5, ">=", "up", None)),
])
def test_comparator_direction_strength(sentence, expected):
    [goal] = [g for g in goals_of("二、今年工作安排\n" + sentence) if g.main]
    assert (goal.indicator, goal.value, goal.comparator, goal.direction, goal.strength) == expected


@pytest.mark.parametrize("sentence, indicator, value, unit, comparator", [
    ("年内新引进5,000万元以上项目8个，计划完成投资9.7亿元。", "新引进5,000万元以上项目", 8, "个", "="),
    ("综合窗口事项入驻率达到70%以上。", "综合窗口事项入驻率", 70, "%", ">="),
    ("企业开办时间压减至1天内。", "企业开办时间", 1, "天", "<="),
    ("全年新增城镇就业5,000人以上。", "新增城镇就业", 5000, "人", ">="),
    ("力争全年空气质量优良天数比率保持在90%以上。", "空气质量优良天数比率", 90, "%", ">="),
    # 以上 before the number qualifies another (亿元以上: the projects' size), not the count
    ("力争新签约亿元以上项目200个。", "新签约亿元以上项目", 200, "个", "="),
    ("全年实施亿元以上项目60个以上。", "实施亿元以上项目", 60, "个", ">="),
])
def test_other_commitments(sentence, indicator, value, unit, comparator):
    goals = goals_of("三、2021年重点工作安排\n" + sentence)
    first = goals[0]
    assert (first.indicator, first.value, first.unit, first.comparator, first.main) == \
        (indicator, value, unit, comparator, False)
    assert all(g.raw != "5,000万元以上" for g in goals)  # a size threshold is not a target


def test_each_time_frame_of_a_sentence_governs_what_follows_it():
    goals = goals_of("二、今后五年主要目标\n到2025年，全市地区生产总值突破5000亿元；到2027年，城镇化率达到70%；"
                     "到2035年，人均地区生产总值达到中等发达国家水平。")
    assert [(g.indicator, g.horizon) for g in goals if g.value is not None] == [("地区生产总值", "2025"), ("城镇化率", "2027")]


def test_five_year_horizon():
    goals = goals_of("二、“十四五”时期主要目标\n到2025年，力争地区生产总值突破500亿元。")
    assert [(g.indicator, g.horizon) for g in goals] == [("地区生产总值", "2025")]


def test_seed_headline_targets(seed_report):
    headline = [(g.indicator, g.raw, g.value, g.comparator, g.direction) for g in seed_report.goals if g.main]
    assert headline == [
        ("地区生产总值", "3%左右", 3, "about", "up"),
        ("固定资产投资", "", None, "=", None),
        ("城镇登记失业率", "4.5%以内", 4.5, "<=", None),
        ("居民收入", "", None, None, "up"),
        ("单位地区生产总值能耗", "2.85%", 2.85, "=", "down"),
    ]


def test_numbered_headline_items_without_punctuation():
    text = ("二、2024年工作安排\n今年全市经济社会发展的主要预期目标是：\n1.地区生产总值增长6%左右\n"
            "2.城镇新增就业2万人以上\n3.居民收入增长与经济增长基本同步\n")
    assert main_goals(text) == [("地区生产总值", 6, "%", "about", "up"), ("城镇新增就业", 20000, "人", ">=", None),
                                ("居民收入增长与经济增长", None, "", None, "up")]


# ---------------------------------------------------------------- headline lists in every published shape

NATIONAL_NO_GROWTH_TARGET = """二、2020年发展主要目标任务和政策取向
今年要优先稳就业保民生，坚决打赢脱贫攻坚战。城镇新增就业900万人以上，城镇调查失业率6%左右，城镇登记失业率5.5%左右；居民消费价格涨幅3.5%左右；进出口促稳提质，国际收支基本平衡；居民收入增长与经济增长基本同步；单位国内生产总值能耗和主要污染物排放量继续下降。
需要说明的是，我们没有提出全年经济增速具体目标。
"""


def test_a_year_without_a_growth_target_has_none():
    goals = [g for g in goals_of(NATIONAL_NO_GROWTH_TARGET) if g.main]
    assert [(g.code, g.value, g.comparator) for g in goals if g.value is not None] == [
        ("urban_jobs_new", 9_000_000, ">="), ("unemployment_surveyed", 6, "about"),
        ("unemployment_registered", 5.5, "about"), ("cpi", 3.5, "about")]
    assert not any(g.code == "gdp_growth" for g in goals_of(NATIONAL_NO_GROWTH_TARGET))
    assert "国际收支" in [g.indicator for g in goals if g.value is None]


def test_reported_speech_in_a_news_item():
    news = ("本报讯 3月5日，十四届全国人大二次会议开幕。政府工作报告提出，今年要坚持稳中求进；城镇新增就业12万人以上，"
            "城镇调查失业率5.5%左右，居民消费价格涨幅3%左右。")
    assert [(g.indicator, g.value, g.comparator, g.main) for g in goals_of(news)] == [
        ("城镇新增就业", 120_000, ">=", True), ("城镇调查失业率", 5.5, "about", True), ("居民消费价格涨幅", 3, "about", True)]


def test_bullets_under_a_heading_line():
    text = ("三、2024年工作安排\n2024年主要预期目标\n■全市地区生产总值增长6%左右\n■规模以上工业增加值增长8%\n"
            "■城镇新增就业3万人以上\n■居民消费价格涨幅3%左右\n（一）扩大有效需求。全年实施重点项目200个。")
    assert main_goals(text) == [("地区生产总值", 6, "%", "about", "up"), ("规模以上工业增加值", 8, "%", "=", "up"),
                                ("城镇新增就业", 30000, "人", ">=", None), ("居民消费价格涨幅", 3, "%", "about", None)]
    others = [(g.indicator, g.main) for g in goals_of(text) if not g.main]
    assert others == [("实施重点项目", False)]


def test_proposed_targets_one_a_line_without_marks():
    text = ("二、今年的目标任务\n建议今年全县经济社会发展的主要预期目标为\n地区生产总值增长6.5%\n一般公共预算收入增长5%\n"
            "城乡居民人均可支配收入分别增长6%和7%\n我们将扎实推进各项工作，确保目标任务全面完成，为实现“十四五”规划目标奠定坚实基础。")
    assert main_goals(text) == [("地区生产总值", 6.5, "%", "=", "up"), ("一般公共预算收入", 5, "%", "=", "up"),
                                ("城镇居民人均可支配收入", 6, "%", "=", "up"), ("农村居民人均可支配收入", 7, "%", "=", "up")]


def test_a_traditional_headline_list_with_numbers():
    text = ("二、2023年工作安排\n今年全市經濟社會發展的主要預期目標是：\n（1）地區生產總值增長5.5%左右；\n"
            "（2）城鎮新增就業4萬人以上；\n（3）城鎮調查失業率控制在5.5%以內。")
    assert [(g.indicator, g.value, g.comparator, g.code) for g in goals_of(text) if g.main] == [
        ("地區生產總值", 5.5, "about", "gdp_growth"), ("城鎮新增就業", 40_000, ">=", "urban_jobs_new"),
        ("城鎮調查失業率", 5.5, "<=", "unemployment_surveyed")]


def test_the_plan_mentioned_nearby_is_not_the_horizon():
    text = ("二、2021年工作安排\n今年是“十四五”开局之年，全市经济社会发展的主要预期目标是：地区生产总值增长7%左右；"
            "城镇新增就业2万人以上；到2025年常住人口城镇化率达到70%。\n“十四五”期间，力争全市地区生产总值年均增长6%。")
    goals = goals_of(text)
    assert [(g.indicator, g.horizon) for g in goals if g.main] == [("地区生产总值", "2021"), ("城镇新增就业", "2021"),
                                                                 ("常住人口城镇化率", "2025")]
    assert [(g.horizon, g.main) for g in goals if not g.main] == [("十四五", False)]


def test_estimates_in_a_review_or_a_scorecard_are_achieved():
    scorecard = "一、2023年工作回顾\n2023年成绩单：全市地区生产总值预计增长5.6%，一般公共预算收入预计完成86亿元。"
    assert goals_of(scorecard) == ()
    assert [f.target for f in parse_report(scorecard).figures] == [False, False]
    news = "2024年1月8日电 记者从市统计局获悉，2023年全市地区生产总值预计增长6.1%，城镇新增就业预计2.3万人。"
    assert [f.target for f in parse_report(news).figures] == [False, False]


def test_a_review_heading_naming_this_year_is_still_a_review():
    text = "2024年某某市政府工作报告\n一、2023年工作回顾和今年主要工作\n全年地区生产总值增长5.2%，城镇新增就业3.1万人。"
    assert [f.target for f in parse_report(text).figures] == [False, False]


def test_a_restated_target_in_the_review_is_not_the_outcome():
    text = ("一、2022年工作回顾\n我们坚持年初确定的地区生产总值增长6.5%左右的预期目标不动摇，全年地区生产总值增长4.3%。")
    assert [(f.raw, f.target) for f in parse_report(text).figures] == [("6.5%左右", True), ("4.3%", False)]


NATIONAL_STYLE_2019 = """二、今年经济社会发展总体要求和政策取向
今年发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右；\
居民消费价格涨幅3%左右；国际收支基本平衡，进出口稳中提质；宏观杠杆率基本稳定，金融财政风险有效防控；\
农村贫困人口减少1000万以上；生态环境进一步改善，单位国内生产总值能耗下降3%左右，主要污染物排放量继续下降。
"""


def test_every_item_of_a_headline_list_is_a_target_qualitative_ones_included():
    assert [(indicator, value) for indicator, value, *_ in main_goals(NATIONAL_STYLE_2019)] == [
        ("国内生产总值", 6), ("城镇新增就业", 11_000_000), ("城镇调查失业率", 5.5), ("居民消费价格涨幅", 3),
        ("国际收支", None), ("进出口", None), ("宏观杠杆率", None), ("金融财政风险", None),
        ("农村贫困人口", 10_000_000), ("生态环境", None), ("单位国内生产总值能耗", 3), ("主要污染物排放量", None)]
    assert [g.direction for g in goals_of(NATIONAL_STYLE_2019) if g.indicator == "主要污染物排放量"] == ["down"]


def test_a_task_handed_down_is_a_qualitative_target():
    text = "今年主要预期目标是：地区生产总值增长7%左右；完成省下达的节能减排和环境质量目标任务。"
    assert [g.indicator for g in goals_of(text) if g.main and g.value is None] == ["节能减排和环境质量"]  # named fix: the task it names


def test_a_qualitative_subject_ends_where_its_predicate_begins():
    text = "今年主要预期目标是：进出口促稳提质，生态环境质量稳定改善，守住不发生规模性返贫的底线。"
    assert [g.indicator for g in goals_of(text) if g.main] == ["进出口", "生态环境质量", "守住不发生规模性返贫的底线"]


NEWS_PAGE_TRADITIONAL = """<html><head><title>区政府工作报告摘要</title></head><body>
<h1>東湖區政府工作報告摘要：今年經濟增長目標6.5%左右</h1>
<p>記者 張三 報道 2024-01-15 10:32 來源：某某日報</p>
<p>1月14日，東湖區第八屆人民代表大會第四次會議開幕。</p>
<p>報告指出，2023年全區實現地區生產總值486.3億元，同比增長6.8%，增速居全市第二位；一般公共預算收入32.5億元，增長8.2%。</p>
<p>報告提出，2024年全區經濟社會發展主要預期目標為：地區生產總值增長6.5%左右；一般公共預算收入增長6%；固定資產投資增長8%；\
城鄉居民人均可支配收入分別增長5.5%和7%；城鎮新增就業1.2萬人以上。</p>
<p>責任編輯：王五</p>
</body></html>"""


def test_a_news_item_in_traditional_characters():
    from reportcli.parse.decode import decode_bytes

    report = parse_report(decode_bytes(NEWS_PAGE_TRADITIONAL.encode("utf-8")))
    meta = report.metadata
    assert (meta.title, meta.region, meta.level, meta.year, meta.published) == (
        "東湖區政府工作報告摘要：今年經濟增長目標6.5%左右", "东湖区", "county", 2024, "2024-01-15")  # the official name
    assert not any("記者" in p.text for p in report.paragraphs)  # the byline is page chrome, not joined to the title
    assert [(g.indicator, g.value) for g in report.goals if g.main] == [
        ("地區生產總值", 6.5), ("一般公共預算收入", 6), ("固定資產投資", 8), ("城鎮居民人均可支配收入", 5.5),
        ("農村居民人均可支配收入", 7), ("城鎮新增就業", 12_000)]
    review = [f for f in report.figures if f.paragraph == report.goals[0].paragraph - 1]
    assert review and not any(f.target for f in review)  # 報告指出，2023年…: the review, not targets
    assert [f.indicator for f in review if f.kind == "rank"] == ["地區生產總值增速全市排名"]
    assert all(f.target for f in report.figures if f.paragraph == report.goals[0].paragraph)


@pytest.mark.parametrize("text, strengths", [
    ("今年主要预期目标是：地区生产总值增长6.5%以上，力争达到7%；一般公共预算收入增长5%以上。", [None, "soft", None]),
    ("今年主要预期目标是：确保地区生产总值增长6%；一般公共预算收入增长5%以上。", ["hard", None]),
    ("今年要力争实现以下主要预期目标：地区生产总值增长6%；一般公共预算收入增长5%以上。", ["soft", "soft"]),
])
def test_how_firm_a_target_is_comes_from_its_clause_else_its_list(text, strengths):
    assert [g.strength for g in goals_of(text) if g.main] == strengths


def test_mainly_is_no_target_word():
    figures = parse_report("报告显示，2023年国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。").figures
    assert [f.target for f in figures] == [False, False]


def test_a_list_with_dash_bullets():
    text = ("二、2024年工作总体要求和目标任务\n今年经济社会发展的主要预期目标是：\n——地区生产总值增长6%左右；\n"
            "——城镇新增就业1.5万人以上；\n——居民收入增长与经济增长同步。")
    assert [(g.indicator, g.value) for g in goals_of(text) if g.main] == [
        ("地区生产总值", 6), ("城镇新增就业", 15_000), ("居民收入增长与经济增长", None)]


def test_headline_items_grouped_by_yi_shi_and_chinese_percentages_with_qualifiers():
    goals = goals_of("二、2023年工作安排\n今年政府工作的主要预期目标是：一是经济保持稳定增长，地区生产总值增长6.5%左右；"
                     "二是就业形势总体稳定，城镇新增就业3000人。")
    assert [g.indicator for g in goals if g.main][:3] == ["经济", "地区生产总值", "就业形势"]  # 一是 is a list marker
    written = goals_of("二、2022年工作安排\n2022年全市发展的主要预期目标为：\n生产总值增长百分之七左右；\n"
                       "地方一般公共预算收入增长百分之五以上；\n城镇新增就业一万二千人。")
    assert [(g.raw, g.value, g.comparator) for g in written] == [("百分之七左右", 7, "about"), ("百分之五以上", 5, ">="),
                                                                 ("一万二千人", 12000, "=")]


NEWS, PLAN = "新华社北京3月5日电 ", "二、2004年的主要任务\n"


@pytest.mark.parametrize("lead, sentence, indicator, raw, code", [
    # a news item's wording of a target: who reports it and how it is set are no part of the indicator
    (NEWS, "报告将今年GDP增长目标设定为5%左右，与去年持平。", "GDP", "5%左右", "gdp_growth"),
    (NEWS, "居民消费价格涨幅预期目标设定在3%左右。", "居民消费价格涨幅", "3%左右", "cpi"),
    (NEWS, "报告把粮食产量目标定为1.3万亿斤以上。", "粮食产量", "1.3万亿斤以上", "grain_output"),
    (NEWS, "报告提出，城镇新增就业目标为1200万人以上。", "城镇新增就业", "1200万人以上", "urban_jobs_new"),
    # a target that names its measure before its anchor: the words before 预期目标 are the measure, not a list's lead
    (PLAN, "今年经济增长的预期目标为7%左右，城镇登记失业率控制在4.7%左右。", "经济增长", "7%左右", "gdp_growth"),
    (PLAN, "今年国内生产总值增长的预期目标是8%左右。", "国内生产总值", "8%左右", "gdp_growth"),
    (PLAN, "今年居民消费价格涨幅的预期目标为3%。", "居民消费价格涨幅", "3%", "cpi"),
    (PLAN, "今年经济增长速度预期为8%，商品零售价格涨幅控制在3%以内。", "经济增长速度", "8%", "gdp_growth"),
    (PLAN, "将地区生产总值增长目标确定为6%左右。", "地区生产总值", "6%左右", "gdp_growth"),
    (PLAN, "我们把经济增速预期目标定在6.5%左右。", "经济增速", "6.5%左右", "gdp_growth"),
])
def test_how_a_target_is_worded_is_no_part_of_its_indicator(lead, sentence, indicator, raw, code):
    goals = goals_of(lead + sentence)
    assert (goals[0].indicator, goals[0].raw, goals[0].code) == (indicator, raw, code)
    if lead == NEWS:
        assert len(goals) == 1


def test_a_list_of_targets_a_measure_and_a_colon_to_a_line():
    goals = goals_of("二、2024年工作安排\n2024年主要预期目标：\n地区生产总值：增长6%左右\n一般公共预算收入：增长5%\n"
                     "城镇新增就业：2.5万人以上\n城镇调查失业率：5.5%以内\n居民人均可支配收入：与经济增长同步\n")
    assert [(g.indicator, g.raw, g.comparator, g.main) for g in goals] == [
        ("地区生产总值", "6%左右", "about", True), ("一般公共预算收入", "5%", "=", True),
        ("城镇新增就业", "2.5万人以上", ">=", True), ("城镇调查失业率", "5.5%以内", "<=", True),
        ("居民人均可支配收入", "", None, True)]
    assert [g.code for g in goals][:4] == ["gdp_growth", "budget_revenue_growth", "urban_jobs_new", "unemployment_surveyed"]


def test_a_label_that_opens_a_statement_names_no_figure():
    figures = parse_report("一、回顾\n主要指标：地区生产总值增长5%；报告指出：城镇新增就业3万人。\n").figures
    assert [(f.indicator, f.raw) for f in figures] == [("地区生产总值增长", "5%"), ("城镇新增就业", "3万人")]


def test_a_headline_lists_figures_are_targets_for_metrics_too():
    report = parse_report("一图读懂2024年政府工作报告\n▲今年发展主要预期目标\n◆国内生产总值增长5%左右\n◆城镇新增就业1200万人以上\n"
                          "▲2023年成绩单\n◆国内生产总值超过126万亿元，增长5.2%\n")
    assert [(g.raw, g.main) for g in report.goals] == [("5%左右", True), ("1200万人以上", True)]
    assert [(f.raw, f.target) for f in report.figures] == [("5%左右", True), ("1200万人以上", True), ("126万亿元", False),
                                                           ("5.2%", False)]
