"""The repair stage (parse.repair) on each kind of publishing damage, in passages written in the
styles of national, provincial, city and county reports — none of them from the seed."""
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportcli.parse import parse_report
from reportcli.parse.repair import repair_text


def repaired(text: str) -> list[str]:
    return [line for line in repair_text(text).text.split("\n") if line]


def kinds(text: str) -> dict[str, int]:
    return {repair.kind: repair.count for repair in repair_text(text).repairs}


# ---------------------------------------------------------------- hard-wrapped lines

WRAPPED = """\
　　过去一年，全省经济运行稳中有进。全年地区生产总值达到
4.86万亿元，增长5.8%；一般公共预算收入完成3,215.6亿元，
同比增长6.2%。城镇新增就业78.3万人，城镇调查失业率控制
在5.2%以内。粮食总产量达到685.4亿斤，连续七年稳定在650亿
斤以上。
　　一年来，我们坚持把发展经济的着力点放在实体经济上，规上
工业增加值增长7.1%，高技术制造业增加值占规上工业比重提高
到16.4%。
二、2024年工作安排
　　今年经济社会发展的主要预期目标是：地区生产总值增长5.5%
左右；城镇新增就业70万人以上。
"""


def test_hard_wrapped_paragraphs_are_rejoined():
    lines = repaired(WRAPPED)
    assert lines == [
        "过去一年，全省经济运行稳中有进。全年地区生产总值达到4.86万亿元，增长5.8%；一般公共预算收入完成3,215.6亿元，"
        "同比增长6.2%。城镇新增就业78.3万人，城镇调查失业率控制在5.2%以内。粮食总产量达到685.4亿斤，"
        "连续七年稳定在650亿斤以上。",
        "一年来，我们坚持把发展经济的着力点放在实体经济上，规上工业增加值增长7.1%，高技术制造业增加值占规上工业比重"
        "提高到16.4%。",
        "二、2024年工作安排",
        "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业70万人以上。",
    ]
    assert kinds(WRAPPED)["hard-wrapped lines joined"] == 7


def test_figures_cut_by_a_wrap_are_read_whole():
    report = parse_report("一、回顾\n" + WRAPPED)
    raws = {figure.raw for figure in report.figures}
    assert {"4.86万亿元", "5.2%以内", "650亿斤以上", "16.4%"} <= raws
    target = [goal for goal in report.goals if goal.main and goal.unit == "%"]
    assert [(goal.indicator, goal.value, goal.comparator) for goal in target] == [("地区生产总值", 5.5, "about")]


def test_a_unit_alone_on_a_line_joins_its_number():
    text = "全年完成固定资产投资286.5亿元，增长7\n%。\n\n社会消费品零售总额增长4.3\n\n%，快于全国平均水平。"
    assert repaired(text) == ["全年完成固定资产投资286.5亿元，增长7%。", "社会消费品零售总额增长4.3%，快于全国平均水平。"]


def test_a_title_split_by_a_narrow_column():
    text = "2025年某某市人民政府工作报\n告\n——2025年1月8日在某某市第十八届人民代表大会第四次会议上\n各位代表：\n一、2024年工作回顾\n全年地区生产总值增长6%。"
    report = parse_report(text)
    assert report.metadata.title == "2025年某某市人民政府工作报告"
    assert (report.metadata.region, report.metadata.year, report.metadata.date) == ("某某市", 2025, "2025-01-08")


def test_web_text_one_paragraph_a_line_is_left_alone():
    text = "一、工作回顾\n全年新建5G基站3,200个\n二、今年任务\n深化改革开放。"
    assert repaired(text) == ["一、工作回顾", "全年新建5G基站3,200个", "二、今年任务", "深化改革开放。"]


# ---------------------------------------------------------------- converter spaces

def test_spaces_between_chinese_and_digits_are_removed():
    text = "全年完成投资 286.5 亿元、增长 7 %，城镇新增就业 1.2 万人。"
    assert repaired(text) == ["全年完成投资286.5亿元、增长7%，城镇新增就业1.2万人。"]
    report = parse_report("一、回顾\n" + text)
    assert [(f.raw, f.value, f.unit) for f in report.figures] == [
        ("286.5亿元", 28650000000, "元"), ("7%", 7, "%"), ("1.2万人", 12000, "人")]


def test_a_line_spaced_out_character_by_character_digits_included():
    assert repaired("全 年 地 区 生 产 总 值 增 长 6 . 5 % ， 达 到 3 2 1 . 4 亿 元 。") == [
        "全年地区生产总值增长6.5%，达到321.4亿元。"]
    figures = parse_report("一、2023年工作回顾\n全 年 地 区 生 产 总 值 增 长 6 . 5 % ， 达 到 3 2 1 . 4 亿 元 。").figures
    assert [(f.raw, f.value) for f in figures] == [("6.5%", 6.5), ("321.4亿元", 32_140_000_000)]
    assert repaired("COVID 19 and the Belt and Road") == ["COVID 19 and the Belt and Road"]


def test_spaced_dates_become_the_meeting_date():
    text = ("2025 年政府工作报告\n——2025 年 3 月 5 日在第十四届全国人民代表大会第三次会议上\n国务院总理 李强\n"
            "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。")
    report = parse_report(text)
    assert (report.metadata.date, report.metadata.year, report.metadata.level) == ("2025-03-05", 2025, "national")


def test_spaces_inside_latin_text_stay():
    assert repaired("推进“一带一路”(Belt and Road)建设，COVID 19 疫情防控") == \
        ["推进“一带一路”(Belt and Road)建设，COVID 19疫情防控"]


def test_a_deliberate_space_between_words_stays_unless_the_document_is_spaced_throughout():
    assert repaired("新华社北京3月5日电 政府工作报告提出") == ["新华社北京3月5日电 政府工作报告提出"]
    spaced = "全 面 推 进 乡 村 振 兴\n名 词 解 释"
    assert repaired(spaced) == ["全面推进乡村振兴", "名词解释"]
    justified = "\n".join(["我们 坚持 稳中求进 工作 总基调，完整 准确 全面 贯彻 新发展理念。"] * 3)
    assert repaired(justified)[0] == "我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"


# ---------------------------------------------------------------- page furniture

PAGED = """\
某某县2024年政府工作报告
各位代表：
　　现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。
一、2023年工作回顾
　　过去一年，全县上下团结一心，地区生产总值完成182.6亿元，同比增长
— 1 —
\f某某县2024年政府工作报告
6.1%；规模以上工业增加值增长9.2%，居全市第二位。
第 2 页 共 3 页
\f某某县2024年政府工作报告
　　全年新增城镇就业4,216人，城镇登记失业率3.6%。
-3-
\f某某县2024年政府工作报告
　　谢谢大家！
Page 4
"""


def test_page_numbers_and_running_headers_are_dropped():
    lines = repaired(PAGED)
    assert lines[0] == "某某县2024年政府工作报告"  # the first appearance is the title
    assert not any(line in ("— 1 —", "第 2 页 共 3 页", "-3-", "Page 4") for line in lines)
    assert sum(1 for line in lines if "政府工作报告" in line) == 1
    assert "过去一年，全县上下团结一心，地区生产总值完成182.6亿元，同比增长6.1%；规模以上工业增加值增长9.2%，居全市第二位。" \
        in lines
    done = kinds(PAGED)
    assert done["page numbers dropped"] == 4 and done["running headers dropped"] == 3


def test_the_paged_report_parses_with_the_sentence_whole():
    report = parse_report(PAGED)
    assert report.metadata.title == "某某县2024年政府工作报告"
    assert ("6.1%", "地区生产总值增长") in {(f.raw, f.indicator) for f in report.figures}
    assert not any(p.text in ("— 1 —", "-3-") for p in report.paragraphs)


@pytest.mark.parametrize("furniture", ["— 12 —", "- 12 -", "-12-", "第12页", "第 12 页", "Page 12", "P. 12",
                                       "12/40", "12", "共40页 第12页", "· 12 ·".replace("·", "-")])
def test_page_number_shapes(furniture):
    text = f"全年地区生产总值增长5%，\n{furniture}\n城镇新增就业1.2万人。"
    assert repaired(text) == ["全年地区生产总值增长5%，城镇新增就业1.2万人。"]


def test_running_headers_without_page_breaks():
    page = "某省2023年政府工作报告\n　　全省粮食产量稳定在500亿斤以上，全年完成造林面积120万亩。\n"
    text = page * 5
    assert repaired(text).count("某省2023年政府工作报告") == 1


def test_the_title_atop_the_second_page_of_a_two_page_report_is_a_header():
    """Repeated only once, so not found as a running line: a title-like line opening a page, or
    right after a dropped page number, is the running header all the same."""
    text = ("2022年某某县政府工作报告\n　　全县城镇、农村常住居民人均可支配收入分别\n— 1 —\n\f某某县人民政府工作报告\n"
            "达到35123元、16456元。\n")
    assert repaired(text) == ["2022年某某县政府工作报告", "全县城镇、农村常住居民人均可支配收入分别达到35123元、16456元。"]
    text = text.replace("\f", "")
    assert repaired(text)[-1] == "全县城镇、农村常住居民人均可支配收入分别达到35123元、16456元。"


# ---------------------------------------------------------------- invisible characters

def test_invisible_characters_are_dropped_and_split_words_joined():
    text = "全面推进高质量发\n\u200b\n展，实施乡村振\u200b兴战略，城乡居民\u2060收入增长6.5%。\u3000"
    assert repaired(text) == ["全面推进高质量发展，实施乡村振兴战略，城乡居民收入增长6.5%。"]
    report = parse_report("一、回顾\n" + text)
    assert report.figures[0].indicator == "城乡居民收入增长"


def test_ideographic_indents_are_not_text():
    text = "\u3000\u3000一、过去一年工作回顾\n\u2003\u2003全年粮食产量达到3,100万吨。"
    assert repaired(text) == ["一、过去一年工作回顾", "全年粮食产量达到3,100万吨。"]


# ---------------------------------------------------------------- pinyin readings

def test_pinyin_readings_after_characters_are_removed():
    text = "在全市人民代表大會(huì)議上，全年進(jìn)出口總額達到1,250億元，增長(zhǎng)8.2%。"
    assert repaired(text) == ["在全市人民代表大會議上，全年進出口總額達到1,250億元，增長8.2%。"]
    report = parse_report("一、回顧\n" + text)
    assert report.figures[0].indicator == "進出口總額" and report.figures[0].value == 125_000_000_000


def test_brackets_that_are_not_readings_stay():
    text = "地区生产总值(GDP)增长5%，推广PPP(ppp)模式，(一)深化改革，应(ying1)急"
    assert repaired(text) == ["地区生产总值(GDP)增长5%，推广PPP(ppp)模式，(一)深化改革，应急"]


# ---------------------------------------------------------------- site boilerplate

def test_trailing_site_boilerplate_is_dropped():
    text = ("一、工作回顾\n全年地区生产总值增长5.2%。\n谢谢大家！\n责任编辑：王某\n分享到：\n微信\n微博\n"
            "本站的全部文字在\n知识共享\n署名-相同方式共享\n协议\n之条款下提供\n【打印】【关闭】")
    assert repaired(text) == ["一、工作回顾", "全年地区生产总值增长5.2%。", "谢谢大家！"]
    assert kinds(text)["site boilerplate dropped"] >= 10


def test_a_report_ending_with_its_signature_keeps_it():
    text = "一、回顾\n全年新增就业1.1万人。\n某某县人民政府\n2024年1月10日"
    assert repaired(text)[-2:] == ["某某县人民政府", "2024年1月10日"]


# ---------------------------------------------------------------- one-line reports

ONE_LINE = ("各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。一、2023年工作回顾过去一年，全市地区生产总值完成2,860亿元，"
            "增长6.3%。一般公共预算收入完成212.5亿元，增长7.4%。城镇新增就业6.8万人。" + "我们持续优化营商环境，深化改革开放。" * 40
            + "二、2024年工作安排今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业6万人以上。"
            + "我们将坚持稳中求进，推动高质量发展。" * 40 + "（一）着力扩大有效需求。全年实施重点项目300个。")


WIKI_PAGE = """2016年政府工作报告
维基文库，自由的图书馆
跳转到导航 跳转到搜索
政府工作报告[编辑]
——2016年3月5日在第十二届全国人民代表大会第四次会议上
国务院总理 李克强
一、2015年工作回顾[编辑]
国内生产总值达到67.7万亿元[2]，增长6.9%，在世界主要经济体中位居前列。
二、2016年重点工作[编辑]
今年发展的主要预期目标是：国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右[3]。
本作品在全世界都属于公有领域。
分类：政府工作报告
"""


def test_a_wiki_page_loses_its_edit_links_citations_and_chrome():
    lines = repaired(WIKI_PAGE)
    assert "一、2015年工作回顾" in lines and "二、2016年重点工作" in lines  # headings stay lines of their own
    assert "国内生产总值达到67.7万亿元，增长6.9%，在世界主要经济体中位居前列。" in lines
    assert not any("[" in line or "维基" in line or "跳转" in line or "分类" in line or "公有领域" in line
                   for line in lines)
    assert "——2016年3月5日在第十二届全国人民代表大会第四次会议上" in lines and "国务院总理 李克强" in lines
    report = parse_report(WIKI_PAGE)
    assert (report.metadata.year, report.metadata.level, report.metadata.speaker) == (2016, "national", "李克强")
    assert report.metadata.title == "2016年政府工作报告"  # not the wiki's bare section title below it
    assert [s.label for s in report.sections] == ["一、2015年工作回顾", "二、2016年重点工作"]
    assert [p.text[:6] for p in report.paragraphs] == ["国内生产总值", "今年发展的主"]
    assert kinds(WIKI_PAGE)["wiki marks removed"] == 5


def test_a_population_is_its_own_indicator():
    figures = parse_report("全市地区生产总值增长6%，一个拥有13亿多人口的大国实现了比较充分就业。").figures
    assert [(f.indicator, f.raw) for f in figures][-1] == ("人口", "13亿多人")


def test_a_one_line_report_is_split_at_headings_and_sentences():
    report = parse_report(ONE_LINE)
    assert len(report.paragraphs) >= 6
    assert [s.label[:2] for s in report.sections] == ["一、", "二、", "（一"]
    assert [(g.indicator, g.value) for g in report.goals if g.main] == [("地区生产总值", 6), ("城镇新增就业", 60000)]
    assert report.metadata.year == 2024 and report.inferred == ("level", "year")
    assert "one-line text split into paragraphs" in {r.kind for r in report.repairs}


def test_a_long_paragraph_of_an_ordinary_report_is_not_split():
    long = "一、回顾\n" + "全市实施重点项目200个，完成投资1,200亿元。一是扩大内需；二是稳定就业。" * 30
    assert len(parse_report(long).paragraphs) == 1


# ---------------------------------------------------------------- properties

@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("全年增长投资亿元万人。，；：\n \u3000\u200b\f0123456789%一、（）是—-")), max_size=400))
@example("0- —")  # a page number with a space inside its dashes: dropped at once, not on a second pass
def test_repair_is_idempotent_and_never_fails(text):
    once = repair_text(text).text
    assert repair_text(once).text == once
    assert "\u200b" not in once and "\f" not in once


WIKI_SERIES_PAGE = """{title}
← 2019年国务院政府工作报告 | 2020年国务院政府工作报告 | 2021年国务院政府工作报告 →
作者：李克强
一、2019年工作回顾
国内生产总值达到99.1万亿元，增长6.1%。
二、2020年工作总体部署
今年城镇新增就业900万人以上，城镇调查失业率6%左右。
"""


@pytest.mark.parametrize("title", ["2020年国务院政府工作报告", "", "政府工作报告"])
def test_a_wiki_series_line_names_the_page_between_its_neighbours(title):
    report = parse_report(WIKI_SERIES_PAGE.format(title=title))
    # the neighbours' titles are navigation: the year is the page's own (never 2019, the previous report's)
    assert (report.metadata.title, report.metadata.year) == (title if "年" in title else "2020年国务院政府工作报告", 2020)
    assert not any("2021年" in p.text for p in report.paragraphs)
    assert [s.label for s in report.sections] == ["一、2019年工作回顾", "二、2020年工作总体部署"]


@pytest.mark.parametrize("line, title", [
    ("‹ 2022年政府工作報告 · 2023年政府工作報告 · 2024年政府工作報告 ›", "2023年政府工作報告"),  # as written
    ("2023年政府工作报告 | 2024年政府工作报告 →", "2023年政府工作报告"),  # the first of a series
    ("← 2022年政府工作报告 2023年政府工作报告", "2023年政府工作报告"),  # the last
])
def test_series_navigation_in_other_shapes(line, title):
    report = parse_report(f"{line}\n一、回顾\n全市地区生产总值增长5%。\n")
    assert report.metadata.title == title and report.metadata.year == int(title[:4])


def test_a_title_naming_two_reports_is_still_a_title():
    report = parse_report("关于2023年政府工作报告和2022年政府工作报告的说明\n一、回顾\n全市地区生产总值增长5%。\n")
    assert report.metadata.title == "关于2023年政府工作报告和2022年政府工作报告的说明"


ENCYCLOPEDIA_PAGE = """2022年国务院政府工作报告
播报
编辑
讨论
上传视频
2022年3月5日第十三届全国人民代表大会第五次会议上国务院总理李克强所作的政府工作报告
中文名
2022年国务院政府工作报告
外文名
Report on the Work of the Government
发布时间
2022年3月5日
发布单位
国务院
目录
1 报告全文
2 名词解释
3 相关评价
报告全文
播报
编辑
一、2021年工作回顾
过去一年，国内生产总值达到114万亿元，增长8.1%。城镇新增就业1269万人。
二、2022年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上。
名词解释
播报
编辑
1.“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。
2.“六保”：保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。
参考资料
1. 政府工作报告 ．中国政府网[引用日期2022-03-12]
2. 李克强作政府工作报告 ．新华网[引用日期2022-03-05]
词条标签：
政治 , 社会
"""


def test_an_encyclopedia_page_loses_its_tools_summary_box_contents_and_references():
    report = parse_report(ENCYCLOPEDIA_PAGE)
    meta = report.metadata
    assert (meta.title, meta.year, meta.level, meta.publisher, meta.published) == (
        "2022年国务院政府工作报告", 2022, "national", "国务院", "2022-03-05")
    assert [s.label for s in report.sections] == ["一、2021年工作回顾", "二、2022年经济社会发展总体要求和政策取向", "名词解释"]
    assert [p.text[:6] for p in report.paragraphs] == ["过去一年，国", "今年发展主要", "1.“六稳”", "2.“六保”"]
    assert [t.term for t in report.terms] == ["六稳", "六保"]  # the references are not glossary entries
    assert [g.indicator for g in report.goals] == ["国内生产总值", "城镇新增就业"]


def test_a_contents_list_in_chinese_numbers_is_the_reports_own_and_stays():
    lines = repaired("目录\n一、2023年工作回顾\n二、2024年工作安排\n\n一、2023年工作回顾\n全市地区生产总值增长5%。\n")
    assert lines[:3] == ["目录", "一、2023年工作回顾", "二、2024年工作安排"]


def test_a_line_ending_with_a_reports_title_is_not_joined_to_the_next():
    # 四川省十四届人大二次会议开幕 省长作政府工作报告 is a news item's headline, not the start of its first sentence
    lines = repaired("四川省十四届人大二次会议开幕 省长作政府工作报告\n1月25日上午，四川省十四届人大二次会议在成都开幕。报告显示，"
                     "2023年全省经济总量突破6万亿元。\n")
    assert lines[0] == "四川省十四届人大二次会议开幕 省长作政府工作报告"
    report = parse_report("四川省十四届人大二次会议开幕 省长作政府工作报告\n1月25日上午，大会在成都开幕。\n")
    assert report.metadata.region == "四川省"  # the region before the session the headline names
    assert dict(report.provenance)["region"] == "front matter: title"



@pytest.mark.parametrize("title, region", [("图解：2023年湖南省政府工作报告", "湖南省"),
                                           ("速览丨2024年杭州市政府工作报告", "杭州市"),
                                           ("全文|2022年海拉尔区政府工作报告", "海拉尔区"),
                                           ("一图读懂：内蒙古2024年政府工作报告", "内蒙古自治区")])
def test_a_headline_label_before_a_colon_or_bar_is_not_the_region(title, region):
    report = parse_report(title + "\n各位代表：\n过去一年，全市经济平稳运行。\n")
    assert report.metadata.region == region

NEWS_SITE_COPIES = [
    # a government portal: breadcrumb, a filing stamp with its source, a line of page tools, a footer
    ("首页 > 国务院 > 政府工作报告\n政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n"
     "2024-03-12 19:37 来源： 新华社\n字号：默认 大 超大 | 打印 | \n各位代表：\n一、2023年工作回顾\n国内生产总值增长5.2%。\n"
     "【我要纠错】 责任编辑：王洋\n扫一扫在手机打开当前页\n相关稿件\n李强作政府工作报告\n", "新华社", "2024-03-12"),
    # a newspaper's site: the stamp written in Chinese, the editors in brackets
    ("政府工作报告（全文）\n2024年03月13日08:29 | 来源：人民网－人民日报\n小字号\n"
     "——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表：\n一、2023年工作回顾\n"
     "国内生产总值增长5.2%。\n（责编：牛镛、岳弘彬）\n分享让更多人看到\n返回人民网首页\n", "人民网－人民日报", "2024-03-13"),
    # page tools in brackets before the report starts
    ("2024年政府工作报告\n【字体：大 中 小】 【打印】 【关闭】\n各位代表：\n一、2023年工作回顾\n国内生产总值增长5.2%。\n", None, None),
]


@pytest.mark.parametrize("text, publisher, published", NEWS_SITE_COPIES)
def test_a_news_or_portal_copy_keeps_only_the_report(text, publisher, published):
    report = parse_report(text)
    assert [p.text for p in report.paragraphs] == ["各位代表：", "国内生产总值增长5.2%。"]
    assert (report.metadata.publisher, report.metadata.published) == (publisher, published)


@pytest.mark.parametrize("line", ["大力推进中小企业发展。", "中国制造", "打印机产能增长5%。", "关闭退出落后煤矿32处，化解过剩产能1200万吨。",
                                  "分享经济规模增长8%。", "收藏品交易额2.1亿元。", "字体设计产业园开园。",
                                  "规范互联网平台隐私政策。", "推广知识共享平台。"])
def test_words_of_page_tools_starting_prose_are_prose(line):
    report = parse_report(f"一、回顾\n{line}\n其他工作。\n")
    assert [p.text for p in report.paragraphs] == [line, "其他工作。"]


@pytest.mark.parametrize("line", ["字号", "打印 | 关闭", "【打印】【关闭】", "字体：大 中 小", "分享到：微信 微博", "扫一扫在手机打开当前页"])
def test_a_line_of_page_tools_is_dropped(line):
    assert [p.text for p in parse_report(f"一、回顾\n{line}\n其他工作。\n").paragraphs] == ["其他工作。"]


def test_a_wikis_maintenance_marks_go_with_its_citations():
    lines = repaired("一、2023年工作回顾\n居民收入增长6%[來源請求]，粮食产量稳定[需要更新]，新增就业3万人[需要引用][4]。\n")
    assert lines[-1] == "居民收入增长6%，粮食产量稳定，新增就业3万人。"


def test_a_short_wrapped_text_keeps_its_headings_apart():
    # few wrapped lines: the open-ended headings must not set the measured width of a full line
    text = SHORT_WRAPPED
    lines = repaired(text)
    assert "一、2023年工作回顾" in lines and "二、2024年工作安排" in lines
    assert any(line.startswith("过去一年，") and line.endswith("以下工作：") for line in lines)


SHORT_WRAPPED = """政府工作报告
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。
一、2023年工作回顾
过去一年，面对复杂严峻的外部环境，全市上下坚持稳中求进工作总基调，全市地区生产总值完成
1520.6亿元，增长5.6%；一般公共预算收入完成120.3亿元，增长8.1%；规模以上工业增加值增长
7.2%；固定资产投资增长6.5%；社会消费品零售总额增长7.8%。全年城镇新增就业3.2万人，城镇
调查失业率控制在5.5%以内。居民人均可支配收入增长6.2%，与经济增长基本同步。我们主要做了
以下工作：
（一）坚持稳中求进，经济运行持续向好。深入实施扩大内需战略，全年实施重点项目320个，完成
投资680亿元，其中新开工项目126个。大力促进消费，举办各类促消费活动150余场，发放消费券
1.2亿元。
二、2024年工作安排
今年是全面贯彻落实党的二十大精神的关键之年，做好今年工作，要坚持稳中求进工作总基调，完整
准确全面贯彻新发展理念。
"""


def test_a_text_ending_with_short_list_items_keeps_them():
    # three short lines without a sentence mark end the text: items with figures, not a page's chrome
    lines = repaired("二、2024年工作安排\n（一）主要预期目标\n地区生产总值增长6%左右\n城镇新增就业3万人以上\n居民消费价格涨幅3%左右\n")
    assert lines[-3:] == ["地区生产总值增长6%左右", "城镇新增就业3万人以上", "居民消费价格涨幅3%左右"]
    chrome = repaired("全市经济平稳运行，地区生产总值增长6%。\n分享到\n微信\n微博\n扫一扫\n")
    assert chrome == ["全市经济平稳运行，地区生产总值增长6%。"]
