"""Chinese numerals read whole and right (issue 18), in report sentences with units."""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportcli.parse import parse_report
from reportcli.parse.figures import extract_figures
from reportcli.parse.numbers import chinese_value
from reportcli.text import fold

# The strict test cases of cn2an (Ailln/cn2an, cn2an/cn2an_test.py, MIT licence), simplified forms:
# reportcli reads every one of them exactly.
CN2AN_STRICT = {
    "零": 0, "一": 1, "十": 10, "十一": 11, "一十一": 11, "二十": 20, "二十一": 21, "一百": 100, "一百零一": 101,
    "一百一十": 110, "一百一十一": 111, "一千": 1000, "一千一百": 1100, "一千一百一十": 1110, "一千一百一十一": 1111,
    "一千零一十": 1010, "一千零十": 1010, "一千零十一": 1011, "一千零一十一": 1011, "一千零一": 1001,
    "一千一百零一": 1101, "一万一千一百一十一": 11111, "一十一万一千一百一十一": 111111,
    "一百一十一万一千一百一十一": 1111111, "一千一百一十一万一千一百一十一": 11111111,
    "一亿一千一百一十一万一千一百一十一": 111111111, "一十一亿一千一百一十一万一千一百一十一": 1111111111,
    "一百一十一亿一千一百一十一万一千一百一十一": 11111111111,
    "一千一百一十一亿一千一百一十一万一千一百一十一": 111111111111,
    "一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一": 1111111111111111,
    "十万": 100000, "十万零一": 100001, "一万零一": 10001, "一万零一十一": 10011, "一万零一百一十一": 10111,
    "一万零百一十一": 10111, "一十万零一": 100001, "一百万零一": 1000001, "一千万零一": 10000001,
    "一千零一万一千零一": 10011001, "一千零一万零一": 10010001, "一亿零一": 100000001, "一十亿零一": 1000000001,
    "一百亿零一": 10000000001, "一千零一亿一千零一万一千零一": 100110011001, "一千亿一千万一千零一": 100010001001,
    "一千亿零一": 100000000001,
    "零点零零零零零零零零零零零零零零一": Decimal("0.000000000000001"), "零点零零一": Decimal("0.001"),
    "零点一": Decimal("0.1"), "廿二": 22,
}
# Their capitals and their not-a-numeral cases.
CN2AN_CAPITALS = {"壹": 1, "拾": 10, "拾壹": 11, "壹拾壹": 11, "壹佰壹拾壹": 111, "壹仟壹佰壹拾壹": 1111,
                  "壹万壹仟壹佰壹拾壹": 11111, "壹仟壹佰壹拾壹亿壹仟壹佰壹拾壹万壹仟壹佰壹拾壹": 111111111111}
NOT_NUMERALS = ["一一", "壹壹", "零点", "点零", "点一", "百十一", "十一十二", "十七十八", "一百零", "万一"]


@pytest.mark.parametrize("numeral, value", list(CN2AN_STRICT.items()) + list(CN2AN_CAPITALS.items()))
def test_cn2an_strict_cases(numeral, value):
    assert chinese_value(fold(numeral)) == Decimal(value)


@pytest.mark.parametrize("numeral", NOT_NUMERALS)
def test_what_is_not_one_numeral_reads_nothing(numeral):
    assert chinese_value(numeral) is None


@pytest.mark.parametrize("numeral, value", [(k, v) for k, v in CN2AN_STRICT.items()
                                            if isinstance(v, int) and v >= 10 and k != "廿二"])
def test_cn2an_cases_as_counts_in_report_sentences(numeral, value):
    text = f"全年新增市场主体{numeral}户。"
    [figure] = extract_figures(text, 1, tagger=lambda span: [(span[:4], "n")])
    assert (figure.raw, figure.value, figure.unit) == (f"{numeral}户", value, "户")
    assert figure.start == text.index(numeral)


@pytest.mark.parametrize("sentence, raw, value, unit", [
    ("新建村级活动场所一百零二个。", "一百零二个", 102, "个"),
    ("粮食总产量达到三千零五十亿斤。", "三千零五十亿斤", 305_000_000_000, "斤"),
    ("培训农民工两万三千人次。", "两万三千人次", 23_000, "人次"),
    ("新增高标准农田十二万五千亩。", "十二万五千亩", 125_000, "亩"),
    ("完成农村改厕一万一千一百一十一户。", "一万一千一百一十一户", 11_111, "户"),
    ("建成农村幸福院二百零八个。", "二百零八个", 208, "个"),
    ("发放消费券一万零五百个。", "一万零五百个", 10_500, "个"),
    ("完成危房改造一千零一十户。", "一千零一十户", 1_010, "户"),
    ("帮扶困难家庭十户。", "十户", 10, "户"),
    ("全市常住人口达到十二万。", None, None, None),  # no unit: 十二万 alone is not a quantity here
    ("吸引投资3千万元。", "3千万元", 30_000_000, "元"),
    ("全省生产总值突破1.2万亿元。", "1.2万亿元", 1_200_000_000_000, "元"),
    ("全年实现增加值一点二万亿元。", "一点二万亿元", 1_200_000_000_000, "元"),
    ("森林覆盖率达到百分之五十八点五。", "百分之五十八点五", 58.5, "%"),
    ("接待游客三萬人次，旅游收入兩億元。", "三萬人次", 30_000, "人次"),
    ("撥付資金壹拾貳萬元。", "壹拾貳萬元", 120_000, "元"),
    ("受到百余家媒体关注。", "百余家", 100, "家"),
    ("培训各类人才二十多万人次。", "二十多万人次", 200_000, "人次"),
    ("提升近三成。", "三成", 3, "成"),
    ("增长两倍。", "两倍", 2, "倍"),
])
def test_every_form_a_report_uses(sentence, raw, value, unit):
    figures = parse_report("一、2023年工作回顾\n" + sentence).figures
    if raw is None:
        assert figures == ()
        return
    assert (figures[0].raw, figures[0].value, figures[0].unit) == (raw, value, unit)


@pytest.mark.parametrize("sentence", [
    "坚决打好“三大攻坚战”。", "编制“十四五”规划。", "在第十五届人民代表大会上。", "增强“四个意识”、做到“两个维护”。",
    "推动一批项目落地。", "千家万户受益。", "庆祝中国共产党成立一百周年。", "过去十年，全市发展迅速。",
    "十年增加近70万亿元。", "实施三年行动计划。", "十大工程全面推进。", "万一出现问题。",
])
def test_names_slogans_and_windows_are_not_figures(sentence):
    assert [f.raw for f in parse_report("一、回顾\n" + sentence).figures if "万亿" not in f.raw] == []


def test_a_numeral_that_cannot_be_read_whole_is_skipped_and_said():
    report = parse_report("一、回顾\n今年新增四五百户，三千人。")
    assert [(f.raw, f.value) for f in report.figures] == [("三千人", 3000)]
    assert any("could not be read whole" in w and "四五百" in w for w in report.warnings)


_DIGITS = "零一二三四五六七八九"


def _below(n: int, leading: bool) -> str:
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit:
            if zero:
                out, zero = out + "零", False
            out += ("" if leading and not out and unit == 10 and digit == 1 else _DIGITS[digit]) + name
        elif out:
            zero = True
    return out


def to_chinese(n: int, leading: bool = True) -> str:
    """An integer in Chinese numerals, as reports write it (十二, 一千零一十, 三千零五十亿)."""
    for size, name in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            text = to_chinese(high, leading) + name
            if low:
                text += ("零" if low < size // 10 else "") + to_chinese(low, leading=False)
            return text
    return _below(n, leading)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=10, max_value=10**12 - 1), before=st.sampled_from(["全年新增", "累计培训", "完成改造"]),
       unit=st.sampled_from(["户", "人次", "个", "亩", "吨"]), two=st.booleans())
def test_a_figure_never_starts_in_the_middle_of_a_numeral(n, before, unit, two):
    numeral = to_chinese(n)
    if two and numeral.startswith("二") and len(numeral) > 1 and numeral[1] in "千万亿":
        numeral = "两" + numeral[1:]
    text = f"{before}{numeral}{unit}，同比增长5%。"
    figures = extract_figures(text, 1, tagger=lambda span: [(span[:2], "n")])
    assert figures[0].start == len(before), (numeral, figures[0].raw)
    assert figures[0].value == n and figures[0].raw == numeral + unit


def test_per_mille_in_words():
    from reportcli.parse.figures import extract_figures

    figures = extract_figures("人口自然增长率为千分之三点二，出生率千分之八以内。", section="一、回顾")
    assert [(f.raw, f.value, f.unit, f.approx) for f in figures] == [("千分之三点二", 3.2, "‰", None),
                                                                     ("千分之八以内", 8, "‰", "under")]


@pytest.mark.parametrize("text, expected", [
    ("接待游客逾千万人次。", ("千万人次", 10_000_000, "人次", "over", "接待游客")),
    ("投资超百亿元。", ("百亿元", 10_000_000_000, "元", "over", "投资")),
    ("旅游收入近千亿元。", ("千亿元", 100_000_000_000, "元", "under", "旅游收入")),
    ("总投资数十亿元。", ("数十亿元", 1_000_000_000, "元", "over", "总投资")),  # some tens of 亿: at least ten
])
def test_levels_in_scale_words_after_a_qualifier(text, expected):
    from reportcli.parse.figures import extract_figures

    [figure] = extract_figures(text, section="一、回顾")
    assert (figure.raw, figure.value, figure.unit, figure.approx, figure.indicator) == expected


@pytest.mark.parametrize("text, expected", [
    ("约有1.2万人受益。", ("1.2万人", "about")),
    ("总量约为320亿元。", ("320亿元", "about")),
    ("服务业增加值约占地区生产总值的55%。", ("55%", "about")),
])
def test_about_before_a_verb(text, expected):
    from reportcli.parse.figures import extract_figures

    [figure] = extract_figures(text, section="一、回顾")
    assert (figure.raw, figure.approx) == expected and "约" not in figure.indicator


# Years in Chinese digits (older national reports, formal county ones) read as their Arabic form
# does: the year is a frame or a window's end, never part of an indicator.
CHINESE_YEAR_SENTENCES = [
    ("一九九七年国内生产总值达到74772亿元，比一九九二年增长65.3%。", ["国内生产总值", "国内生产总值增长"]),
    ("商品零售价格上涨幅度从一九九四年的21.7%降到一九九七年的0.8%。", ["商品零售价格上涨幅度"] * 2),
    ("国家外汇储备由一九九二年底的194亿美元增加到一九九七年底的1399亿美元。", ["国家外汇储备"] * 2),
    ("二〇二〇年全市地区生产总值达到856亿元，比二零一五年增长38%。", ["地区生产总值", "地区生产总值增长"]),
]


@pytest.mark.parametrize("sentence, indicators", CHINESE_YEAR_SENTENCES)
def test_years_in_chinese_digits_stay_out_of_indicators(sentence, indicators):
    assert [figure.indicator for figure in extract_figures(sentence)] == indicators
    from reportcli.text import with_arabic_years

    arabic = with_arabic_years(sentence)
    assert "九九" not in arabic and "二〇" not in arabic
    assert [figure.indicator for figure in extract_figures(arabic)] == indicators  # as when written in digits


def test_a_target_by_a_year_in_chinese_digits_has_that_horizon():
    report = parse_report("各位代表：\n二、“十四五”时期主要目标\n到二〇二五年，全市地区生产总值突破1200亿元，常住人口城镇化率达到70%。\n")
    assert [(goal.indicator, goal.horizon) for goal in report.goals] == [("地区生产总值", "2025"), ("常住人口城镇化率", "2025")]


def test_arabic_years_keep_offsets_and_leave_other_numerals():
    from reportcli.text import with_arabic_years

    for text in ("一九九七年国内生产总值", "到二〇二五年底", "二零二零年", "十四五期间一九九七", "一二三四五"):
        assert len(with_arabic_years(text)) == len(text)
    assert with_arabic_years("到二〇二五年底，一九九七年") == "到2025年底，1997年"
    assert with_arabic_years("一九九七个项目，十四五期间") == "一九九七个项目，十四五期间"  # no 年: not a year
