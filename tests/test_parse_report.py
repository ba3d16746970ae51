"""parse_report on short passages written in the style of real reports (not the seed)."""
import pytest

from reportcli.parse import parse_report

PROVINCE = """
政府工作报告
——2023年1月15日在浙江省第十四届人民代表大会第一次会议上
浙江省省长 王浩

各位代表：

现在，我代表省人民政府向大会报告工作，请予审议。

一、过去五年工作回顾

过去五年，全省生产总值迈上7万亿元台阶，年均增长6.0%。

（一）坚持稳中求进，经济实力持续跃升。全省生产总值达到7.77万亿元。

（二）坚持创新驱动，科技实力显著提升。研发经费支出占比提高到2.9%。

二、2023年工作总体要求和目标任务

今年经济社会发展主要预期目标是：全省生产总值增长5%以上。

（一）着力扩大有效投资

1.抓好重大项目建设。完成投资1.2万亿元。

2.深化投资体制改革。

（1）推进审批制度改革。全面推行承诺制。
"""


def test_province_front_matter_and_tree():
    report = parse_report(PROVINCE)
    meta = report.metadata
    assert meta.title == "政府工作报告"
    assert (meta.region, meta.level, meta.year, meta.date) == ("浙江省", "province", 2023, "2023-01-15")
    assert meta.meeting == "浙江省第十四届人民代表大会第一次会议"
    assert (meta.office, meta.speaker) == ("省长", "王浩")
    numbers = [(s.number, s.level, s.label) for s in report.sections]
    assert numbers == [
        ("1", 1, "一、过去五年工作回顾"),
        ("1.1", 2, "（一）坚持稳中求进，经济实力持续跃升"),
        ("1.2", 2, "（二）坚持创新驱动，科技实力显著提升"),
        ("2", 1, "二、2023年工作总体要求和目标任务"),
        ("2.1", 2, "（一）着力扩大有效投资"),
        ("2.1.1", 3, "1.抓好重大项目建设"),
        ("2.1.2", 3, "2.深化投资体制改革"),
        ("2.1.2.1", 4, "（1）推进审批制度改革"),
    ]
    texts = [p.text for p in report.paragraphs]
    # bare headings are sections only; headings followed by prose are paragraphs too
    assert "一、过去五年工作回顾" not in texts and "（一）着力扩大有效投资" not in texts
    assert "2.深化投资体制改革。" in texts  # numbered items below (一) are content too
    assert "（一）坚持稳中求进，经济实力持续跃升。全省生产总值达到7.77万亿元。" in texts
    assert [p.id for p in report.paragraphs] == list(range(1, len(texts) + 1))
    assert report.sections[5].path == "二、2023年工作总体要求和目标任务 > （一）着力扩大有效投资 > 1.抓好重大项目建设"


NATIONAL = """政府工作报告
——2024年3月5日在第十四届全国人民代表大会第二次会议上
国务院总理 李强
各位代表：
一、2023年工作回顾
过去一年，国内生产总值超过126万亿元，增长5.2%。
"""


def test_national_report():
    meta = parse_report(NATIONAL).metadata
    assert (meta.region, meta.level, meta.year, meta.office, meta.speaker) == ("全国", "national", 2024, "总理", "李强")


CITY_TRADITIONAL = """2022年呼倫貝爾市政府工作報告
——2022年2月25日在呼倫貝爾市第五屆人民代表大會第一次會議上
呼倫貝爾市人民政府市長 張三

各位代表：

一、2021年工作回顧

（一）經濟運行穩中向好。全市地區生產總值完成1,458.5億元，增長6.1%。

各位代表！

這些成績來之不易。

二、2022年工作安排

一是全力穩增長。新增城鎮就業1.2萬人。

二是深化改革。營商環境持續優化。
"""


def test_traditional_city_report():
    report = parse_report(CITY_TRADITIONAL)
    meta = report.metadata
    assert meta.title == "2022年呼倫貝爾市政府工作報告"
    # the region as its official name and code, whatever the script it is written in
    assert (meta.region, meta.level, meta.year, meta.date) == ("呼伦贝尔市", "city", 2022, "2022-02-25")
    assert (meta.region_code, meta.parent) == ("150700", "内蒙古自治区")
    assert meta.office == "市長"
    assert [s.label for s in report.sections] == [
        "一、2021年工作回顧", "（一）經濟運行穩中向好", "二、2022年工作安排", "一是全力穩增長", "二是深化改革"]
    by_text = {p.text: p for p in report.paragraphs}
    # 各位代表！ is a paragraph, and closes (一) back to part 一
    assert by_text["各位代表！"].section == 1
    assert by_text["這些成績來之不易。"].section == 1
    assert by_text["一是全力穩增長。新增城鎮就業1.2萬人。"].section == 4


COUNTY_WITH_PAGE_CHROME = """当前位置：首页 > 信息公开 > 政府工作报告
索引号：000014349/2024-00012  分类：综合政务
发布机构：某某县人民政府  发布日期：2024-01-20
【字体：大 中 小】 【打印】 【关闭】
某某县2024年政府工作报告
——2024年1月10日在某某县第十八届人民代表大会第三次会议上
县长 李四
各位代表：
一、2023年工作回顾
全县地区生产总值完成200亿元。
扫一扫在手机打开当前页
"""


def test_county_page_chrome_is_metadata_not_body():
    report = parse_report(COUNTY_WITH_PAGE_CHROME)
    meta = report.metadata
    assert (meta.region, meta.level, meta.publisher, meta.published) == ("某某县", "county", "某某县人民政府", "2024-01-20")
    assert (meta.office, meta.speaker) == ("县长", "李四")
    assert [p.text for p in report.paragraphs] == ["各位代表：", "全县地区生产总值完成200亿元。"]


def test_district_of_a_city_is_county_level():
    text = "2021年呼伦贝尔市海拉尔区政府工作报告\n各位代表:\n一、工作回顾\n今年工作很好。"
    meta = parse_report(text).metadata
    assert (meta.region, meta.level, meta.year, meta.date) == ("海拉尔区", "county", 2021, None)


def test_full_width_half_width_and_paren_variants_nest_alike():
    text = "一、工作回顾\n(一)第一项。内容。\n（二）第二项。内容。\n二、工作安排\n(一)第三项。内容。"
    report = parse_report(text)
    assert [s.number for s in report.sections] == ["1", "1.1", "1.2", "2", "2.1"]


def test_text_without_structure_degrades_to_flat_paragraphs_with_a_warning():
    text = "\n".join(f"这是第{n}段没有任何标题的文字，内容完整。" for n in range(1, 6))
    report = parse_report(text)
    assert report.sections == ()
    assert len(report.paragraphs) == 5 and all(p.section is None for p in report.paragraphs)
    assert report.warnings and "flat paragraphs" in report.warnings[0]


def test_truncated_excerpt_keeps_every_paragraph():
    excerpt = ("（三）扎实做好生态环境建设。深入践行新发展理念。\n"
               "二是高标准推进污染防治。全年空气质量优良天数比率保持在90%以上，确保断面水质稳定达")
    report = parse_report(excerpt)
    assert [p.text for p in report.paragraphs] == excerpt.split("\n")
    assert [s.label for s in report.sections] == ["（三）扎实做好生态环境建设", "二是高标准推进污染防治"]


def test_news_item_quoting_targets_is_indexed():
    news = ("新华社北京3月5日电 政府工作报告提出，今年发展主要预期目标是：国内生产总值增长5%左右；"
            "城镇新增就业1200万人以上；城镇调查失业率5.5%左右。")
    report = parse_report(news)
    assert [p.text for p in report.paragraphs] == [news]
    assert report.metadata.region is None and report.metadata.year is None


def test_hard_wrapped_lines_are_joined():
    wrapped = ("一、工作回顾\n全年地区生产总值完成174.46亿元，一般公共预算收入完成8.79亿元，同比\n"
               "增长0.8%。城乡居民收入稳步增长。\n（一）下一节。内容。")
    report = parse_report(wrapped)
    assert report.paragraphs[0].text == "全年地区生产总值完成174.46亿元，一般公共预算收入完成8.79亿元，同比增长0.8%。城乡居民收入稳步增长。"


def test_empty_lines_and_whitespace_only_text():
    report = parse_report("\n\n   \n\u3000\n")
    assert report.paragraphs == () and report.sections == ()


def test_paragraph_ids_are_stable_for_the_same_text(seed_text):
    first, second = parse_report(seed_text), parse_report(seed_text)
    assert first == second


@pytest.mark.parametrize("head, expected", [
    ("政府工作报告\n——2023年1月12日在北京市第十六届人民代表大会第一次会议上\n北京市市长 殷勇",
     ("北京市", "province", 2023, "2023-01-12", "市长", "殷勇")),
    ("政府工作报告\n（2022年1月20日在上海市第十五届人民代表大会第六次会议上）\n上海市市长　龚正",
     ("上海市", "province", 2022, "2022-01-20", "市长", "龚正")),
    ("政府工作报告\n——2024年1月23日在内蒙古自治区第十四届人民代表大会第二次会议上\n自治区主席　王莉霞",
     ("内蒙古自治区", "province", 2024, "2024-01-23", "自治区主席", "王莉霞")),
    ("政府工作报告（2022年）\n呼伦贝尔市人民政府代市长 姜宏", ("呼伦贝尔市", "city", 2022, None, "代市长", "姜宏")),
    ("满洲里市2023年政府工作报告\n——2023年1月在满洲里市第十一届人民代表大会第三次会议上",
     ("满洲里市", "county", 2023, "2023-01", None, None)),  # a county-level city (150781)
    ("二〇二三年政府工作报告\n——二〇二三年一月十日在某某县第十九届人民代表大会第二次会议上",
     ("某某县", "county", 2023, "2023-01-10", None, None)),
])
def test_front_matter_variants(head, expected):
    meta = parse_report(head + "\n各位代表：\n一、工作回顾\n全年生产总值增长5%。").metadata
    assert (meta.region, meta.level, meta.year, meta.date, meta.office, meta.speaker) == expected


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_REPORT_ALPHABET = list("一二三四五六七八九十（）()、是.1234567890%：:，,。；\n “”各位代表名词解释增长亿元万人第届年月日<>p/") \
    + ["\n一、", "\n（一）", "\n一是", "\n1.", "\n名词解释\n", "\n各位代表：\n", "——2023年1月1日在某县第一届人民代表大会第一次会议上"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(_REPORT_ALPHABET), max_size=80).map("".join)))
def test_parse_report_never_fails(text):
    report = parse_report(text)
    assert [p.id for p in report.paragraphs] == list(range(1, len(report.paragraphs) + 1))
    texts = {p.id: p.text for p in report.paragraphs}
    for figure in report.figures:
        assert texts[figure.paragraph][figure.start:figure.end] == figure.raw


def test_a_heading_title_ends_at_a_colon():
    report = parse_report("一、工作回顾\n（一）关于经济发展：全年地区生产总值增长5%。\n")
    assert [s.label for s in report.sections] == ["一、工作回顾", "（一）关于经济发展"]
    assert report.paragraphs[0].text == "（一）关于经济发展：全年地区生产总值增长5%。"


@pytest.mark.parametrize("mark", ["、", ".", "．"])
def test_a_part_numbered_with_a_dot_is_a_part(mark):
    report = parse_report(f"各位代表：\n一{mark}2023年工作回顾\n全市地区生产总值增长5%。\n二{mark}2024年工作安排\n全年地区生产总值增长6%左右。\n")
    assert [section.title for section in report.sections] == ["2023年工作回顾", "2024年工作安排"]
    assert [figure.target for figure in report.figures] == [False, True]
    assert report.metadata.year == 2024


def test_a_report_saved_as_markdown():
    text = ("# 2024年某市政府工作报告\n\n## 一、2023年工作回顾\n\n全市地区生产总值增长**5.6%**。\n\n## 二、2024年工作安排\n\n"
            "### （一）主要预期目标\n\n- 地区生产总值增长6%左右\n* 城镇新增就业3万人以上\n+ 居民消费价格涨幅3%左右\n\n- 3 -\n")
    report = parse_report(text)
    assert [section.label for section in report.sections] == ["一、2023年工作回顾", "二、2024年工作安排", "（一）主要预期目标"]
    assert [(goal.indicator, goal.code) for goal in report.goals if goal.main] == [
        ("地区生产总值", "gdp_growth"), ("城镇新增就业", "urban_jobs_new"), ("居民消费价格涨幅", "cpi")]
    assert not any("3 -" in paragraph.text for paragraph in report.paragraphs)  # a page number, not a bullet
