"""Figure extraction on passages written in the style of other reports: national, provincial,
city and county, several years, some in traditional characters. Each case states exactly what
should come out: (raw, value, unit, approx, kind, indicator)."""
import pytest

from reportcli.parse.figures import extract_figures

REVIEW = "一、2023年工作回顾"
PLAN = "二、2024年工作安排"

CASES = [
    # national report style
    ("国内生产总值超过126万亿元，增长5.2%。", REVIEW, [
        ("126万亿元", 126_000_000_000_000, "元", "over", "level", "国内生产总值"),
        ("5.2%", 5.2, "%", None, "change", "国内生产总值增长")]),
    ("城镇新增就业1244万人，年末城镇调查失业率为5.1%。", REVIEW, [
        ("1244万人", 12_440_000, "人", None, "level", "城镇新增就业"),
        ("5.1%", 5.1, "%", None, "share", "年末城镇调查失业率")]),
    ("粮食产量1.39万亿斤，创历史新高。", REVIEW, [
        ("1.39万亿斤", 1_390_000_000_000, "斤", None, "level", "粮食产量")]),
    ("居民消费价格上涨0.2%。", REVIEW, [("0.2%", 0.2, "%", None, "change", "居民消费价格上涨")]),
    ("地区生产总值增速达到6.5%，高于全省平均水平。", REVIEW, [("6.5%", 6.5, "%", None, "change", "地区生产总值增速")]),
    ("研发经费投入增长8.1%，占国内生产总值比重达到2.64%。", REVIEW, [
        ("8.1%", 8.1, "%", None, "change", "研发经费投入增长"),
        ("2.64%", 2.64, "%", None, "share", "研发经费投入占国内生产总值比重")]),
    ("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；城镇调查失业率5.5%左右。", PLAN, [
        ("5%左右", 5, "%", "about", "change", "国内生产总值增长"),
        ("1200万人以上", 12_000_000, "人", "over", "level", "城镇新增就业"),
        ("5.5%左右", 5.5, "%", "about", "share", "城镇调查失业率")]),
    ("拟安排地方政府专项债券3.9万亿元，比上年增加1000亿元。", PLAN, [
        ("3.9万亿元", 3_900_000_000_000, "元", None, "level", "地方政府专项债券"),
        ("1000亿元", 100_000_000_000, "元", None, "change", "地方政府专项债券比上年增加")]),
    ("赤字率拟按3%安排，赤字规模4.06万亿元。", PLAN, [
        ("3%", 3, "%", None, "share", "赤字率"),
        ("4.06万亿元", 4_060_000_000_000, "元", None, "level", "赤字规模")]),
    # provincial report style (full-width punctuation, digits)
    ("全省地区生产总值达到８２５５３亿元，比上年增长６．０％。", REVIEW, [
        ("８２５５３亿元", 8_255_300_000_000, "元", None, "level", "地区生产总值"),
        ("６．０％", 6.0, "%", None, "change", "地区生产总值增长")]),
    ("一般公共预算收入完成8600.02亿元，同比增长7%，其中税收收入占比达到73.5%。", REVIEW, [
        ("8600.02亿元", 860_002_000_000, "元", None, "level", "一般公共预算收入"),
        ("7%", 7, "%", None, "change", "一般公共预算收入增长"),
        ("73.5%", 73.5, "%", None, "share", "税收收入占比")]),
    ("规模以上工业增加值增长4.4%，高于全国0.4个百分点。", REVIEW, [
        ("4.4%", 4.4, "%", None, "change", "规模以上工业增加值增长"),
        ("0.4个百分点", 0.4, "个百分点", None, "other", "规模以上工业增加值增速与全国之差")]),
    ("城镇化率达到62.5%，比全国平均水平高1.2个百分点。", REVIEW, [
        ("62.5%", 62.5, "%", None, "share", "城镇化率"),
        ("1.2个百分点", 1.2, "个百分点", None, "other", "城镇化率与全国平均水平之差")]),
    # a day of the month in a news item is no figure; 主要 is no target word
    ("国务院总理5日在政府工作报告中提出，国内生产总值增长5.2%。", REVIEW, [
        ("5.2%", 5.2, "%", None, "change", "国内生产总值增长")]),
    ("单位地区生产总值能耗降至0.45吨标准煤/万元。", REVIEW, [
        ("0.45吨标准煤/万元", 0.45, "吨标准煤/万元", None, "level", "单位地区生产总值能耗")]),
    ("城镇登记失业率控制在3.5%以内。", PLAN, [("3.5%以内", 3.5, "%", "under", "share", "城镇登记失业率")]),
    ("全年接待游客突破1.2亿人次，旅游收入约1500亿元。", REVIEW, [
        ("1.2亿人次", 120_000_000, "人次", "over", "level", "接待游客"),
        ("1500亿元", 150_000_000_000, "元", "about", "level", "旅游收入")]),
    ("新增高标准农田350万亩以上。", PLAN, [("350万亩以上", 3_500_000, "亩", "over", "level", "新增高标准农田")]),
    ("清洁能源装机容量达到3200万千瓦，占比提高2个百分点。", REVIEW, [
        ("3200万千瓦", 32_000_000, "千瓦", None, "level", "清洁能源装机容量"),
        ("2个百分点", 2, "个百分点", None, "change", "清洁能源装机容量占比提高")]),
    ("全社会用电量达到2800亿千瓦时。", REVIEW, [("2800亿千瓦时", 280_000_000_000, "千瓦时", None, "level", "全社会用电量")]),
    ("进出口总额增长1.8倍。", REVIEW, [("1.8倍", 1.8, "倍", None, "ratio", "进出口总额增长")]),
    ("三次产业结构调整为5.1:38.2:56.7。", REVIEW, [("5.1:38.2:56.7", None, "", None, "ratio", "三次产业结构")]),
    ("数字经济核心产业增加值占比提高到10.5%。", REVIEW, [("10.5%", 10.5, "%", None, "share", "数字经济核心产业增加值占比")]),
    ("经济增速排名全省第二，人均地区生产总值居全省前三位。", REVIEW, [
        ("全省第二", 2, "位", None, "rank", "经济增速全省排名"),
        ("全省前三位", 3, "位", "under", "rank", "人均地区生产总值全省排名")]),
    ("GDP总量位居全国第5位。", REVIEW, [("全国第5位", 5, "位", None, "rank", "GDP总量全国排名")]),
    # city and county style
    ("全年完成固定资产投资近400亿元，实施亿元以上项目320个。", REVIEW, [
        ("400亿元", 40_000_000_000, "元", "under", "level", "固定资产投资"),
        ("320个", 320, "个", None, "level", "实施亿元以上项目")]),
    ("招引5000万元以上项目46个，总投资超过200亿元。", REVIEW, [
        ("5000万元以上", 50_000_000, "元", "over", "other", "招引项目规模"),
        ("46个", 46, "个", None, "level", "招引5000万元以上项目"),
        ("200亿元", 20_000_000_000, "元", "over", "level", "招引项目总投资")]),
    ("新增市场主体1.2万户，其中企业3500余户。", REVIEW, [
        ("1.2万户", 12_000, "户", None, "level", "新增市场主体"),
        ("3500余户", 3500, "户", "over", "level", "企业")]),
    ("城乡居民人均可支配收入分别达到45000元和21000元。", REVIEW, [
        ("45000元", 45000, "元", None, "level", "城镇居民人均可支配收入"),
        ("21000元", 21000, "元", None, "level", "农村居民人均可支配收入")]),
    ("改造老旧小区86个、惠及居民2.3万户。", REVIEW, [
        ("86个", 86, "个", None, "level", "改造老旧小区"),
        ("2.3万户", 23000, "户", None, "level", "惠及居民")]),
    ("森林覆盖率提高到42.6%，空气质量优良天数比例达到91.5%。", REVIEW, [
        ("42.6%", 42.6, "%", None, "share", "森林覆盖率"),
        ("91.5%", 91.5, "%", None, "share", "空气质量优良天数比例")]),
    ("全县粮食总产量达到15.6万吨，连续12年保持稳定。", REVIEW, [
        ("15.6万吨", 156_000, "吨", None, "level", "粮食总产量"),
        ("12年", 12, "年", None, "other", "粮食总产量")]),
    ("吸引百余家企业参展，签约项目二十多个。", REVIEW, [
        ("百余家", 100, "家", "over", "level", "参展企业"),
        ("二十多个", 20, "个", "over", "level", "签约项目")]),
    ("近三成村集体经济收入超过50万元。", REVIEW, [
        ("三成", 3, "成", "under", "share", "村集体经济收入"),
        ("50万元", 500_000, "元", "over", "level", "村集体经济收入")]),
    ("全年节约财政资金3.2亿元，压减一般性支出10%以上。", REVIEW, [
        ("3.2亿元", 320_000_000, "元", None, "level", "节约财政资金"),
        ("10%以上", 10, "%", "over", "change", "压减一般性支出")]),
    ("企业开办时间压缩至0.5个工作日。", PLAN, [("0.5个工作日", 0.5, "个工作日", None, "other", "企业开办时间")]),
    ("力争地区生产总值增长6%-6.5%。", PLAN, [("6%-6.5%", 6, "%", None, "change", "地区生产总值增长")]),
    ("每年新建改建农村公路5至8公里。", PLAN, [("5至8公里", 5, "公里", None, "level", "新建改建农村公路")]),
    ("建成5G基站1.5万个，实现PM2.5平均浓度下降3.2%。", REVIEW, [
        ("1.5万个", 15000, "个", None, "level", "建成5G基站"),
        ("3.2%", 3.2, "%", None, "change", "PM2.5平均浓度下降")]),
    # traditional characters
    ("全市地區生產總值完成1,458.5億元，增長6.1%。", REVIEW, [
        ("1,458.5億元", 145_850_000_000, "元", None, "level", "地區生產總值"),
        ("6.1%", 6.1, "%", None, "change", "地區生產總值增長")]),
    ("新增城鎮就業1.2萬人，城鎮登記失業率3.8%。", REVIEW, [
        ("1.2萬人", 12000, "人", None, "level", "新增城鎮就業"),
        ("3.8%", 3.8, "%", None, "share", "城鎮登記失業率")]),
    ("全年接待遊客超過800萬人次。", REVIEW, [("800萬人次", 8_000_000, "人次", "over", "level", "接待遊客")]),
]

# Written before the extractor saw them, then kept as regression cases.
CASES += [
    ("全市实现地区生产总值3,256.8亿元，按可比价格计算，比上年增长5.6%。", REVIEW, [("3,256.8亿元",325680000000,"元",None,"level","地区生产总值"),("5.6%",5.6,"%",None,"change","地区生产总值增长")]),
    ("社会消费品零售总额达1,020亿元，增长8.3%；外贸进出口总额突破500亿元。", REVIEW, [("1,020亿元",102000000000,"元",None,"level","社会消费品零售总额"),("8.3%",8.3,"%",None,"change","社会消费品零售总额增长"),("500亿元",50000000000,"元","over","level","外贸进出口总额")]),
    ("实际使用外资12.5亿美元，增长15%。", REVIEW, [("12.5亿美元",1250000000,"美元",None,"level","实际使用外资"),("15%",15,"%",None,"change","实际使用外资增长")]),
    ("新增就业岗位3.6万个，发放创业担保贷款2.1亿元。", REVIEW, [("3.6万个",36000,"个",None,"level","新增就业岗位"),("2.1亿元",210000000,"元",None,"level","发放创业担保贷款")]),
    ("全年空气质量优良天数达到328天，PM2.5平均浓度为28微克/立方米。", REVIEW, [("328天",328,"天",None,"level","空气质量优良天数"),("28微克/立方米",28,"微克/立方米",None,"level","PM2.5平均浓度")]),
    ("城镇居民人均可支配收入42,880元、增长5.1%，农村居民人均可支配收入19,560元、增长7.2%。", REVIEW, [("42,880元",42880,"元",None,"level","城镇居民人均可支配收入"),("5.1%",5.1,"%",None,"change","城镇居民人均可支配收入增长"),("19,560元",19560,"元",None,"level","农村居民人均可支配收入"),("7.2%",7.2,"%",None,"change","农村居民人均可支配收入增长")]),
    ("建成区绿化覆盖率达到41%，人均公园绿地面积14.5平方米。", REVIEW, [("41%",41,"%",None,"share","建成区绿化覆盖率"),("14.5平方米",14.5,"平方米",None,"level","人均公园绿地面积")]),
    ("完成造林绿化面积12万亩，治理水土流失面积80平方公里。", REVIEW, [("12万亩",120000,"亩",None,"level","造林绿化面积"),("80平方公里",80,"平方公里",None,"level","治理水土流失面积")]),
    ("全年共办结各类案件1,362件，结案率98.7%。", REVIEW, [("1,362件",1362,"件",None,"level","办结各类案件"),("98.7%",98.7,"%",None,"share","案件结案率")]),
    ("全年財政收入達到35.6億元，同比增長4.2%。", REVIEW, [("35.6億元",3560000000,"元",None,"level","財政收入"),("4.2%",4.2,"%",None,"change","財政收入增長")]),
    ("全县实施重点项目126个，完成投资86.3亿元，其中亿元以上项目45个。", REVIEW, [("126个",126,"个",None,"level","实施重点项目"),("86.3亿元",8630000000,"元",None,"level","重点项目完成投资"),("45个",45,"个",None,"level","亿元以上项目")]),
    ("城乡居民基本养老保险参保率稳定在95%以上。", REVIEW, [("95%以上",95,"%","over","share","城乡居民基本养老保险参保率")]),
    ("单位GDP能耗下降3%。", REVIEW, [("3%",3,"%",None,"change","单位GDP能耗下降")]),
    ("年末全市常住人口达到182.3万人，城镇化率提高到61.2%。", REVIEW, [("182.3万人",1823000,"人",None,"level","年末全市常住人口"),("61.2%",61.2,"%",None,"share","城镇化率")]),
    ("累计建成农村公路1,850公里，行政村通硬化路比例达到100%。", REVIEW, [("1,850公里",1850,"公里",None,"level","建成农村公路"),("100%",100,"%",None,"share","行政村通硬化路比例")]),
    ("小麦种植面积稳定在420万亩，单产提高15公斤。", REVIEW, [("420万亩",4200000,"亩",None,"level","小麦种植面积"),("15公斤",15,"公斤",None,"change","小麦单产提高")]),  # named fix: the wheat's yield (was 单产提高)
]

# National-report phrasing: time spans lead the clause, the subject carries, reviews hold no targets.
CASES += [
    ("国内生产总值增加到121万亿元，五年年均增长5.2%，十年增加近70万亿元、年均增长6.2%。", REVIEW, [
        ("121万亿元", 121_000_000_000_000, "元", None, "level", "国内生产总值"),
        ("5.2%", 5.2, "%", None, "change", "国内生产总值年均增长"),
        ("70万亿元", 70_000_000_000_000, "元", "under", "change", "国内生产总值增加"),
        ("6.2%", 6.2, "%", None, "change", "国内生产总值年均增长")]),
    ("粮食产量连续多年稳定在1.3万亿斤以上。", REVIEW, [
        ("1.3万亿斤以上", 1_300_000_000_000, "斤", "over", "level", "粮食产量")]),
    ("经过八年持续努力，近1亿农村贫困人口实现脱贫，全国832个贫困县全部摘帽，960多万贫困人口实现易地搬迁。", REVIEW, [
        ("1亿", 100_000_000, "", "under", "level", "农村贫困人口"),
        ("832个", 832, "个", None, "level", "贫困县"),
        ("960多万", 9_600_000, "", "over", "level", "贫困人口")]),
    ("中央预算内投资拟安排6800亿元。", PLAN, [("6800亿元", 680_000_000_000, "元", None, "level", "中央预算内投资")]),
]

# 分别 over listed subjects.
CASES += [
    ("城镇、农村居民人均可支配收入分别增长5.3%和7%。", REVIEW, [
        ("5.3%", 5.3, "%", None, "change", "城镇居民人均可支配收入增长"),
        ("7%", 7, "%", None, "change", "农村居民人均可支配收入增长")]),
    ("一般公共预算收入、税收收入分别增长5%和6%。", REVIEW, [
        ("5%", 5, "%", None, "change", "一般公共预算收入增长"), ("6%", 6, "%", None, "change", "税收收入增长")]),
]

# Magnitudes said in words.
CASES += [
    ("数字经济保持两位数增长。", REVIEW, [("两位数", 2, "位数", None, "other", "数字经济")]),
    ("力争到2035年人均地区生产总值比2020年翻一番。", PLAN, [("翻一番", 2, "倍", None, "ratio", "人均地区生产总值")]),
]

# Month spans are dates; a minus after a word is a sign.
CASES += [
    ("1-9月全市实现地区生产总值300亿元。", REVIEW, [("300亿元", 30_000_000_000, "元", None, "level", "地区生产总值")]),
    ("受疫情影响，旅游收入增长-12.5%。", REVIEW, [("-12.5%", -12.5, "%", None, "change", "旅游收入增长")]),
]

NOT_FIGURES = [
    "2020年3月2日，市第十五届人民代表大会第五次会议召开。",
    "过去五年，我们坚决打赢“三大攻坚战”，全面做好“六稳”“六保”工作。",
    "严格落实“科技兴蒙30条”和“疫情防控22条”。",
    "推进5G技术应用，降低PM2.5浓度，建设IPV6网络。",
    "以优异成绩庆祝中国共产党成立100周年。",
    "到二〇三五年基本实现社会主义现代化。",
    "1.加快发展现代产业体系。",
    "（2）深化改革开放。",
    "瞄准国内外500强企业，开通12345政务服务便民热线。",
    "根据国办发〔2021〕1号文件精神，第七次全国人口普查有序开展。",
    "近5年来，我们坚持稳中求进。",
    "2021-2025年是“十四五”时期。",
    "千方百计稳就业，让发展成果惠及千家万户。",
    "发布时间：2021-03-04 15:41",
    "1—11月，全市经济运行总体平稳。",
]


@pytest.mark.parametrize("text, section, expected", CASES, ids=[c[0][:16] for c in CASES])
def test_snippet(text, section, expected):
    figures = extract_figures(text, section=section, report_year=2024 if section == PLAN else 2023)
    got = [(f.raw, f.value, f.unit, f.approx, f.kind, f.indicator) for f in figures]
    assert got == expected
    for figure in figures:
        assert text[figure.start:figure.end] == figure.raw
        assert figure.target == (section == PLAN)


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text):
    assert [f.raw for f in extract_figures(text)] == []


def test_range_bounds():
    [figure] = extract_figures("力争地区生产总值增长6%-6.5%。", section=PLAN)
    assert (figure.low, figure.high) == (6, 6.5)


def test_target_follows_the_sentence_not_only_the_section():
    achieved, planned = extract_figures("去年完成投资5亿元。今年计划完成投资8亿元。", section="")
    assert (achieved.target, planned.target) == (False, True)


from hypothesis import example, given, settings, strategies as st  # noqa: E402

_REPORTISH = st.text(alphabet=st.sampled_from(list("0123456789.,%％：:-至余多近约万亿千百元人个项增长下降达到第位全省一二三十成倍“”《》年月日，。、；以上以内左右")),
                     max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_REPORTISH, st.text(max_size=60)))
def test_any_text_gives_figures_found_at_their_offsets(text):
    for figure in extract_figures(text):
        assert text[figure.start:figure.end] == figure.raw
        assert figure.kind in ("level", "change", "share", "rank", "ratio", "other")
        assert figure.approx in (None, "about", "over", "under")


def _ends_walked(folded, ends):
    """The rule _boundaries follows, walked a character at a time: marks of `ends` outside quotes
    and brackets (a closer without its opener does nothing), not the , or : inside a number."""
    from reportcli.parse.figures import _CLOSERS, _OPENERS

    depth, found = 0, []
    for index, ch in enumerate(folded):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ends and not (
                ch in ",:" and folded[index - 1:index].isdigit() and folded[index + 1:index + 2].isdigit()):
            found.append(index)
    return found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("。!?;,:“”()《》〔〕[]「」『』12字")), max_size=40))
def test_clause_and_sentence_ends_skip_quotes_brackets_and_numbers(text):
    from reportcli.parse.figures import _FIGURE_ENDS, _boundaries

    assert _boundaries(text, *_FIGURE_ENDS) == [_ends_walked(text, ends) for ends in _FIGURE_ENDS]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("增长达到了为是年均比上年较“十四五”末2023 \u3000\t值区产业收入人口的约近至")), max_size=30),
       st.integers(0, 5))
@example("地区生产总值比2023年末增长", 0)  # digits the pattern's source does not hold (\d)
@example("收入\u3000达到", 1)
def test_trailing_words_found_as_the_whole_search_finds_them(text, start):
    from reportcli.parse.figures import _TRAILING, _trailing

    found, expected = _trailing(text, start, len(text)), _TRAILING.search(text, start, len(text))
    assert (found and found.span()) == (expected and expected.span())


# Ratios as typeset: to one (城乡居民收入比2.1:1), in whole numbers that read like a time of day, with
# the ratio sign ∶; a doubling said with 了; a rank moved by some places.
@pytest.mark.parametrize("text, expected", [
    ("城乡居民收入比缩小到2.1:1。", [("2.1:1", 2.1, "", "ratio", "城乡居民收入比", None)]),
    ("城乡居民收入比由2.35∶1缩小到2.28∶1。", [("2.35∶1", 2.35, "", "ratio", "城乡居民收入比", "from"),
                                            ("2.28∶1", 2.28, "", "ratio", "城乡居民收入比", None)]),
    ("三次产业结构调整为8:41:51。", [("8:41:51", None, "", "ratio", "三次产业结构", None)]),
    ("三次产业比例为5.1∶38.2∶56.7。", [("5.1∶38.2∶56.7", None, "", "ratio", "三次产业比例", None)]),
    ("全市经济总量比2015年翻了一番。", [("翻了一番", 2, "倍", "ratio", "经济总量", None)]),
    ("地区生产总值增速在全省排名第5位，较上年前移3位。",
     [("第5位", 5, "位", "rank", "地区生产总值增速全省排名", None), ("3位", 3, "位", "change", "地区生产总值增速全省排名前移", None)]),
])
def test_ratios_doublings_and_moved_ranks(text, expected):
    got = [(f.raw, f.value, f.unit, f.kind, f.indicator, f.basis) for f in extract_figures(text, section=REVIEW)]
    assert got == expected


@pytest.mark.parametrize("text", ["比分3:1获胜。", "会议于10:1召开。", "发布时间：2023-01-13 09:12:30"])
def test_scores_and_times_are_no_ratios(text):
    assert extract_figures(text, section=REVIEW) == []


@pytest.mark.parametrize("heading, tense", [("三、全力以赴做好2024年工作", True), ("二、乘势而上的2024年", True),
                                            ("一、砥砺奋进的2023年", False), ("二、奋力开创高质量发展新局面", None),
                                            ("二、奋力开创高质量发展新局面 > （一）巩固2023年发展成果", None)])
def test_a_headings_years_tell_plan_from_review(heading, tense):
    from reportcli.parse.figures import section_tense

    assert section_tense(heading, 2024) is tense
    assert section_tense(heading) is (tense if "2024" not in heading and "2023" not in heading else None)


def test_figures_under_a_heading_of_this_year_are_targets():
    figures = extract_figures("全年地区生产总值增长6%左右。", section="三、全力以赴做好2024年工作", report_year=2024)
    assert [figure.target for figure in figures] == [True]
