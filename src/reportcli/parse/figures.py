"""Every quantitative figure in a paragraph, normalised (pure; jieba tags nouns at build time).

extract_figures(text, ...) finds Arabic and Chinese numerals that are quantities, reads each
with parse.numbers (qualifiers, scale word, unit), skips what only looks like a figure (dates,
list numbers, session numbers, anniversaries, time windows, names and codes such as 5G,
PM2.5, “科技兴蒙30条”), and gives each figure its indicator (the subject phrase it measures,
carried across the clauses of a sentence), its kind and whether it sets a target.
"""
from __future__ import annotations

import re
from decimal import Decimal
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from reportcli.models import Figure
from reportcli.parse.lexicon import (APPROX_AFTER, CHANGE_VERBS, CLAUSE_ENDS, PLAN_HEADING, RATE_OF_CHANGE, REVIEW_HEADING,
                                     SENTENCE_ENDS, STATEMENT_ENDS, alternation, starting_with, years_named)
from reportcli.parse.numbers import (CHINESE_NUMERAL, CN_DIGITS, NUMBER, SCALES, UNITS, Quantity, chinese_value,
                                     number_value, plain_number, read_quantity)
from reportcli.text import fold, with_arabic_years

Tagger = Callable[[str], list[tuple[str, str]]]

# ---------------------------------------------------------------- what is not a figure

_YEAR = re.compile(r"(?:19|20)\d{2}$")
_LATIN = re.compile(r"[a-z]")
_SHORT_QUOTE = starting_with(r"“\"《〔\[", r"“[^“”]{1,20}”|\"[^\"]{1,20}\"|《[^《》]{1,60}》|〔[^〔〕]{1,10}〕|\[[^\[\]]{1,10}\]")
_TIME_WINDOW_BEFORE = re.compile(r"(?:过去|近|今后|未来|最近|这|此前|前|后|头|每)\s?$")
_NOT_AFTER = re.compile(r"周年|届|次会议|次全会|次全体会议|次党代会|次代表大会|号|强(?!度)|大(?!于)|中全会|年来|年以来|个五年")
_LIST_NUMBER = re.compile(r"\(?\d{1,2}[.、)](?!\d)")  # matched at a position: no ^
_DATE_SPANS = starting_with(r"\d〇零一二三四五六七八九",
    r"(?:19|20)\d{2}\s?(?:[-—–~～至到]\s?(?:19|20)?\d{2}\s?)?年(?:\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?)?"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?(?!\d|:\d)"
    r"|(?<![个\d])\d{1,2}\s?[-—–~～至到]\s?\d{1,2}\s?月(?:份)?"  # 1—11月: a span of months
    r"|(?<!个)(?<!\d)\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?(?:份|底|初|末|中旬|上旬|下旬)?"
    r"|[〇零一二三四五六七八九]{4}年"
    r"|(?<![\d.])\d{1,2}日(?=\s?(?:在|召开|举行|上午|下午|晚上|晚|电|讯|起|开幕|闭幕|发布|出席|表示|指出|提出))"  # 总理5日在…
)
# Not quantities: phone numbers (12345热线, 服务热线0470-…). The two ends of a range (6%-6.5%,
# 5至8万元); a ratio of three or more parts (种植结构3:4:3), one figure; percentages in words
# (百分之三点五); 两位数增长 (at least 10%, said as a count of digits); 翻一番 / 翻两番 (2× or 4×).
_HOTLINE = re.compile(r"(?<!\d)\d{5,20}(?=\s?(?:热线|服务热线|电话|便民热线))|(?<=热线)\d{3,}|(?<=电话)\d{3,}")
# No figure has this many digits in a row (a barcode, an ID, a damaged cell, hostile input): such a
# run is masked before matching, which also keeps every pattern with \d+ linear in the text.
LONGEST_NUMBER = 24
_LONG_DIGIT_RUN = re.compile(r"\d{%d,}" % (LONGEST_NUMBER + 1))


def _without_long_digit_runs(folded: str) -> str:
    """Digit runs longer than any figure masked with a non-digit of the same length (offsets kept)."""
    if len(folded) <= LONGEST_NUMBER or not _LONG_DIGIT_RUN.search(folded):
        return folded
    return _LONG_DIGIT_RUN.sub(lambda match: "#" * len(match.group()), folded)
_RANGE_JOINER = re.compile(r"\s?(?:-|—|–|~|～|至|到)\s?")
_RATIO_CUE = re.compile(r"结构|比(?![分赛])|配比|调整为|优化为")  # words before a ratio (not 比分3:1, a score)
_TO_ONE = re.compile(r"(?<![\d.:])(\d{1,3}(?:\.\d{1,3})?)\s?:\s?1(?![\d.:])")  # a ratio to one, after a 比
_RATIO = re.compile(r"\d+(?:\.\d+)?(?:\s?:\s?\d+(?:\.\d+)?){2,}")
_PERCENT_WORDS = re.compile(r"(百|千)分之([一二两三四五六七八九十百千零〇点]+)(左右|以上|以内|以下|之内|多)?")  # 百分之七左右, 千分之三点二
_DIGIT_CLASS = re.compile(r"([两三四五])位数")
_DOUBLING = re.compile(r"翻了?([一两二三])番")
_RANK_SCOPE = r"(?:全国|全省|全市|全区|全盟|全旗|全县|全州|全自治区|全球|全行业|同类城市|同级|自治区)"
_RANK = starting_with(  # a rank starts at its scope (全…, 同…, 自治区), its verb or 第/前
    "全同自排位稳居列名第前",
    rf"(?:(?P<scope>{_RANK_SCOPE})|(?P<verb>排名|排在|排|位居|位列|稳居|居|列|名列))?"
    r"(?:第(?P<n>\d+|[一二两三四五六七八九十]+)(?:(?P<unit>位|名)|(?=[,;。、)\s]|的|$))"
    r"|前(?P<top>\d+|[一二两三四五六七八九十]+)(?:(?P<topunit>位|名|强)|(?=[,;。、)\s]|的|$)))"  # 进入全省前三
)
_CN_ACCEPT_AFTER = re.compile(r"(?:余|多)?(?:万亿|亿|万|千)?(?:余|多)?(?:" + "|".join(map(re.escape, UNITS)) + ")")

# ---------------------------------------------------------------- sentences, clauses, subjects

_SENTENCE_END = set(STATEMENT_ENDS)  # a subject does not carry across ; (lexicon.STATEMENT_ENDS)
_CLAUSE_END = set(CLAUSE_ENDS)
_OPENERS, _CLOSERS = "“(《〔[「『", "”)》〕]」』"
_LEADING = re.compile(
    r"(?:与[^,;:。]{1,12}?(?:达成|签订|签署|签约)|"  # 与内蒙古交投达成债权转让2.89亿元: the partner is no subject
    # …2800亿元、稳居全省前列、增长6.2%: a standing between two figures is no subject of the second
    r"(?:稳居|位居|位列|跻身|保持|继续|居)[^,;:。、]{0,12}?(?:前列|前茅|首位|第[一二三四五六七八九十\d]{1,3}位?|"
    r"前[一二三四五六七八九十\d]{1,2}位?)、|"
    r"\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}是|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|"  # list markers
    r"[●•◆◇■□▪▶►○◎★☆※·]|——|—|[①-⑳]|"  # bullets
    # a list's lead (今年经济社会发展的主要预期目标是), not a target's own (经济增长的预期目标为8%)
    r"(?:[^,;:。]{0,14}?(?:发展|工作|全年|今年|明年|本年|年度|\d年|全[省市区县州盟旗]|我[省市区县旗])的?)?"
    r"(?:主要预期目标|预期目标|主要目标)(?:是|为)|报告(?:提出|指出|显示|明确|强调|称|把)|报告(?=将)|"
    r"[^,;:。\d]{0,12}?\d{1,2}月\d{1,2}日电(?:\s*\([^)]{0,24}\))?|"  # a news item's dateline (新华社北京3月5日电)
    r"全年|年内|今年|去年|上年|当年|本年度|本年|同期|其中|同时|此外|另外|并且|"
    # a one-character word, unless it begins the noun (有效发明专利, 其他服务业, 都市圈, 和美乡村, 共享单车, 并网装机)
    r"并(?!购|网|联)|且|还(?!款|原)|又|也|和(?!谐|平|美)|及(?!时)|以及|与(?!会)|或|"
    r"全区|全市|全省|全国|全县|全旗|全盟|全州|全镇|全乡|我区|我市|我省|我县|我旗|我州|我国|"
    r"截至\S{0,10}?(?:底|末)|截止\S{0,10}?(?:底|末)|到(?:19|20)\d{2}年(?:底|末)?|到\S{0,6}?(?:底|末)|(?:19|20)\d{2}年(?:底|末|内|全年|度)?|"
    r"“十[一二三四五六七八九]五”(?:期间|时期)?|五年来|这五年|过去五年|累计|共计|共(?!享|建|同|青|性|治|富)|总计|合计|分别|通过|"
    r"已经|已|将(?!军)|把(?!握|关)(?=[\u4e00-\u9fff]{2})|我们|要(?!素|案)|"
    r"力争|争取|确保|预计|计划|努力|继续|进一步|持续|有(?!效|色|机|线|关|序|力|轨|奖|偿|害|毒)|其(?!他|余|它)|均(?!衡|等)|"
    r"都(?!市)|全部|全面|全力|加快|大力|积极|扎实|着力|深入|"
    r"启动实施|启动|落实|实现|拟安排|拟(?!上市|挂牌)|安排|每年|每月|每天|连续|较上年|比上年|同口径|"
    r"(?:提高|增加|增长|提升|扩大|上升|下降|降低|减少|跃升|跃居)(?:到|至)|(?:19|20)\d{2}年(?:底|末)?的|的|"  # 从120亿元提高到2019年的…
    r"吸引|带动|拥有|共有|涌现|集聚|聚集|汇聚|"  # 吸引参展企业300余家: the verb holds, the noun is counted
    r"\d{1,2}\s?[-—–~至到]\s?\d{1,2}\s?月份?|\d{1,2}\s?月(?:份|底|末)?|前[一二三四]季度|一季度|上半年|"
    r"[一二三四五六七八九十两\d]+年(?!义务|一贯|免费|制)(?:来)?|、|\s)+"  # 九年义务教育 is the noun, not a span of years
)
# 完成 opens a subject that is an action (完成棚户区改造4.5万户 → 棚户区改造), except for a
# completion rate (完成年度任务的119.97%), where it is the measure itself.
_LEADING_COMPLETE = re.compile(r"完成|累计完成")
# 规模以上工业企业实现总产值: the verb between a subject and its measured quantity goes.
_INNER_VERB = re.compile(r"(?:累计)?(?:实现|完成)(?=\S{0,5}(?:值|额|量|入|资|数)$)")
# 承诺时限压缩至法定时限的75%: the subject is what is squeezed, before the "to" verb.
_TO_VERB = re.compile(r"压缩至|压减至|降至|降低至|降低到|提高至|提高到|提升至|提升到|控制在|保持在|稳定在")
_GENERIC_COUNTED = {"任务", "指标", "项目", "工作", "事项"}
_TRAILING = re.compile(
    r"(?:较“十[一二三四五六七八九]五”末|比“十[一二三四五六七八九]五”末|较(?:19|20)\d{2}年(?:底|末)?|比(?:19|20)\d{2}年(?:底|末)?|"
    r"[由从](?:上年|去年|(?:19|20)\d{2}年(?:底|末)?|“十[一二三四五六七八九]五”末)的?|"  # 由上年的8.5:40.2:51.3调整为…
    r"不低于|不高于|不少于|不多于|不超过|调整优化为|调整优化|优化为|调整为|(?:上调|下调)(?:为|到|至)?|继续保持|保持|完成了|连续多年|多年|连续|"
    r"拟安排|安排|同口径|净增|净减|完成|达到了|达到|达|实现了|实现|为|是|增长|增加|下降|降低|减少|提高|提升|上升|上涨|回落|缩小|扩大|"
    r"突破|超过|超出|超|占|累计|分别|同比|比上年|较上年|比去年|较去年|比上年同期|(?:比|较)(?:上年|去年)?(?:年初|末|底)|"
    r"按可比价格计算|按可比口径计算|可比价|可比|年均|平均|控制在|保持在|稳定在|"
    r"目标确定为|目标确定在|确定为|预期目标设定为|预期目标设定在|预期目标设定|目标设定为|目标设定在|目标设定|目标设为|目标定为|目标定在|设定为|设定在|"
    r"预期目标|目标定|(?<!年度)(?<!完成)目标|预期|稳居|位居|位列|名列|居|排名|排在|吸引|(?<![拥具])有|共|合计|总计|约|近|逾|接近|将近|不到|不足|至|到|在|于|由|从|以|按|"
    r"迈上|跃上|站上|登上|跨上|冲上|跨越|跨过|越过|迈过|迈入|跨入|一举突破|一举|首次突破|首破|首次|历史性地|历史性|"
    # a window's start year (从2020年的2.5万亿元), a multiple's base (是“十三五”末的1.5倍), a run of years
    r"(?:从|由|到|至)?(?:19|20)\d{2}年(?:底|末)?|是[“\"]?十[一二三四五六七八九]五[”\"]?(?:末|期末)?|是(?:19|20)\d{2}年(?:底|末)?|"
    r"连续[一二三四五六七八九十两\d]{1,2}年|"
    r"增至|降至|降到|降为|升至|升到|升为|回落到|回落至|减至|压减至|压减|压缩至|压缩|缩短至|缩减至|提高到|提高至|提升至|提升到|"
    r"扩大到|扩大至|下降到|下降至|全年|年内|年末|年底|"
    r"降低到|降低至|高于|低于|好于|多于|少于|快于|继续|持续|稳步|大幅|较|可|能|已|了|的|每月|每年|每人|每天|每日|每户|拟|"
    r"每亩|人均|共计|计|全部|均|都|也|还|再|新增|力争|确保|预计|计划|争取|要|将|\s)+$"
)
# Every character _TRAILING can match (its source's characters, digits and spaces): a trailing
# run starts after the last character not among them.
_TRAILING_CHARACTERS = frozenset(_TRAILING.pattern)


def _trailing(folded: str, start: int, end: int) -> re.Match[str] | None:
    """_TRAILING.search(folded, start, end), tried only over the run of characters it can match
    that ends the span (the search alone tries every position of the clause: 5× slower)."""
    at = end
    while at > start and ((ch := folded[at - 1]) in _TRAILING_CHARACTERS or ch.isdecimal() or ch.isspace()):
        at -= 1
    return _TRAILING.search(folded, at, end) if at < end else None


# The verb that makes a figure a change (增长5%); not when it changes *to* a level (提高到80%).
_CHANGE_VERB = re.compile(alternation(("净增", "净减", *CHANGE_VERBS, "增幅", "降幅", "减")))
_TO_AFTER_CHANGE = re.compile(f"(?:{alternation(CHANGE_VERBS)})(?:至|到)")
# A gap to another entity at the end of a clause (高于全国0.4个百分点): not a change of the subject.
_GAP = re.compile(r"(?<!不)(?:高于|低于|高出|低出|快于|慢于|好于|多于|少于|超出)\S{0,8}$")
# An action that is itself a change when it opens the subject: 减少燃煤散烧量30余万吨.
_CHANGE_ACTION = re.compile(r"减少|增加|压减|压缩|缩减|降低|下降|增长")
# A comparison with another entity ends a subject: 高于全国0.4个百分点 is a gap, said of the subject before it.
_GAP_TAIL = re.compile(r"(?<!不)(?:高于|低于|高出|低出|快于|慢于|好于|多于|少于|超出)[^,;。]{0,8}$")
# Words jieba may tag as nouns that end a counted noun phrase (832个贫困县 | 全部摘帽).
_NOT_IN_NOUNS = {"全部", "全面", "均", "都", "已", "已经", "实现", "共", "累计"}
# Nouns that jieba tags as verbs in report prose (村集体经济收入, 固定资产投资).
_NOUNISH_VERBS = {"收入", "投资", "支出", "消费", "出口", "进口", "贷款", "融资", "存款", "销售", "营收", "产出"}
# Measure words that count what follows them: 980余名医务工作者, 12个国家和地区.
_CLASSIFIERS = set("个家名户项件所座条辆台套张份头只处宗批场部篇本间栋幢片块根艘架种类款") | {"家次"}
# A counted noun phrase ends at its head noun: 980余名医务工作者 | 白衣执甲.
_HEAD_NOUNS = re.compile(r"(?:者|员|人|户|企业|项目|单位|机构|国家|地区|城市|媒体|事项|小区|学校|医院|园区|基地|平台|"
                         r"中心|社区|部门|群众|干部|家庭|组织|团伙|集团|问题|案件|工程|线路|航线|任务|指标|制度|"
                         r"企业集团|商户|市场主体)$")
# A generic head named by the words before it: 审批事项, 重点项目, 示范企业.
_NAMED_BY_HEAD = re.compile(r"[\u4e00-\u9fff“”]{1,8}?(?:事项|项目|企业|要求|标准|措施|工程|任务|指标|制度|机制|行动|平台|"
                            r"基地|园区|中心|学校|医院|社区|村|镇|街道|景区|产品|品牌|课题|专利|成果)")
# 连续3年: a streak, whose figure counts years, not the subject.
_STREAK = re.compile(r"连续\s?$")
# Two items of the same length listed before a shared noun: 城镇、农村 | 居民人均可支配收入.
_LISTED_SUBJECT = re.compile(r"(?!研究与试验)([\u4e00-\u9fff]{2})[、和与及]([\u4e00-\u9fff]{2})(?=[\u4e00-\u9fff]{2,})")  # not R&D's name
# Words naming a rate of change: the figure after them is a change even without a verb.
_RATE_OF_CHANGE = re.compile(f"(?:{alternation(RATE_OF_CHANGE)})$")
_SHARE_INDICATOR = re.compile(r"(?:率|比重|占比|比例|份额|覆盖面|普及率)$")
_DURATION_UNITS = {"年", "个月", "月", "小时", "分钟", "周", "个工作日", "工作日"}
# Strong markers set a target wherever they stand; weak ones (将, 要, 努力) only outside a review.
_TARGET_MARKERS = re.compile(r"力争|争取|确保|计划|目标|(?<![超于及])预期|力求|拟")
# In a review these describe what was achieved (预计完成680亿元 is an estimate of last year).
# 要 and 将 as auxiliaries (要实现, 将达到), not inside words (主要, 重要, 需要, 要素, 将近).
_WEAK_TARGET_MARKERS = re.compile(r"努力|(?<![主重需只纪摘概提])要(?![求素点件闻害])|将(?!近)|必须|不低于|不超过|控制在")
# A target list opened earlier in the sentence: its ;-separated items are targets too
# (主要预期目标为:地区生产总值增长6.5%左右;一般公共预算收入增长6%;…).
_LIST_OPENER = re.compile(r"(?:主要|预期|发展)目标(?:任务)?(?:建议|拟|确定|设定)?(?:是|为|如下)?\s*:|(?:主要|预期)目标(?:是|为)")
_ACHIEVED_MARKERS = re.compile(r"同比|比上年|较上年|比去年|较去年|上年|去年|过去|已经|已|完成了|实现了|累计|年均增长")
_NOUN_FLAGS = ("n", "vn", "an", "nz", "nt", "ns", "nr", "j", "l", "b", "eng")


def _blocked_spans(folded: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _SHORT_QUOTE.finditer(folded)]
    spans += [m.span() for m in _DATE_SPANS.finditer(folded)]
    if "热线" in folded or "电话" in folded:  # every hotline pattern needs one (the pass is a fifth of _candidates)
        spans += [m.span() for m in _HOTLINE.finditer(folded)]
    return spans


class _Occupancy:
    """Which characters are already part of a figure or of something that is not one (a date, a
    quoted name): one byte per character, so each check costs the span's length, not the
    number of figures found so far."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.taken = bytearray(len(folded) + 1)
        self.blocked: bytearray | None = None  # found at the first check: most paragraphs have no candidate

    def free(self, start: int, end: int) -> bool:
        if self.blocked is None:
            self.blocked = bytearray(len(self.folded) + 1)
            for span_start, span_end in _blocked_spans(self.folded):
                self.blocked[span_start:span_end] = b"\x01" * (span_end - span_start)
        return self.taken.find(1, start, max(end, start + 1)) < 0 and not self.blocked[start]

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)


def _boundaries(folded: str, *end_sets: frozenset[str]) -> list[list[int]]:
    """For each set of marks, the positions of those clause or sentence ends, ignoring those
    inside quotes and brackets and the , and : of numbers (5,000, 3.7:23.1)."""
    positions = [match.start() for match in _marks(frozenset().union(*end_sets)).finditer(folded)]
    starts, stops = _bracketed(folded)
    if starts:
        positions = [at for at in positions if not (index := bisect_right(starts, at)) or at > stops[index - 1]]
    positions = [at for at in positions if folded[at] not in ",:" or not (
        folded[at - 1:at].isdigit() and folded[at + 1:at + 2].isdigit())]
    return [[at for at in positions if folded[at] in ends] for ends in end_sets]


def _bracketed(folded: str) -> tuple[list[int], list[int]]:
    """Where quotes and brackets open and where they close (nested ones inside the outermost; a
    closer without its opener ignored; one left open runs to the end): (starts, stops), sorted."""
    starts: list[int] = []
    stops: list[int] = []
    depth = 0
    for match in _BRACKET.finditer(folded):
        if match.group() in _OPENERS:
            if not depth:
                starts.append(match.start())
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                stops.append(match.start())
    if depth:
        stops.append(len(folded))
    return starts, stops


# The ends extract_figures reads: clauses, sentences (not across ;), whole sentences (across ;), contexts.
_FIGURE_ENDS = (frozenset(_CLAUSE_END), frozenset(_SENTENCE_END), frozenset(SENTENCE_ENDS),
                frozenset(_SENTENCE_END | {","}))
_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")


@lru_cache(maxsize=None)
def _marks(ends: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(ends))) + "]")


def _last_before(boundaries: list[int], position: int) -> int:
    """Start of the span that holds `position`: just after the last boundary before it."""
    index = bisect_left(boundaries, position)
    return boundaries[index - 1] + 1 if index else 0


def _next_after(boundaries: list[int], position: int, length: int) -> int:
    index = bisect_left(boundaries, position)
    return boundaries[index] if index < len(boundaries) else length


# Work per figure is bounded by windows around it, so that a paragraph without punctuation (a
# page flattened to one line) costs time linear in its length. Real clauses are far shorter.
SUBJECT_WINDOW = 120  # characters before a figure that may hold its subject
NOUN_WINDOW = 30  # characters after a figure that may hold the noun it counts
SENTENCE_WINDOW = 300  # characters each side of a figure read for target words
CONTEXT_WINDOW = 150  # characters each side of a figure kept as its context

# ---------------------------------------------------------------- candidates

class _Candidate:
    __slots__ = ("start", "end", "value", "unit", "approx", "kind", "low", "high")

    def __init__(self, start, end, value, unit, approx, kind=None, low=None, high=None):
        self.start, self.end, self.value, self.unit, self.approx = start, end, value, unit, approx
        self.kind, self.low, self.high = kind, low, high


# A level crossed, written in scale words alone after the verb that crosses it (跨过万亿元大关, 突破千亿元,
# 迈上百亿元台阶): 万亿 is 10¹², 千亿 10¹¹.
_BARE_THRESHOLD = re.compile(r"(?:(?<=突破|迈上|跨越|跨过|站上|跃上|登上|迈过|越过|首破|冲上|跨上|超过)|(?<=[逾超近]))"
                             r"(?P<n>[十百千万]?[万亿])"
                             r"(?P<unit>元|美元|人次|人|吨|斤|千瓦时|辆|户|件)(?=大关|台阶|新台阶|关口|[,;。、]|$)")
_SCALE_OF = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def _candidates(folded: str, unreadable: list[str] | None = None) -> list[_Candidate]:
    found: list[_Candidate] = []
    occupancy = _Occupancy(folded)
    free = occupancy.free

    # A pass whose pattern needs a character the paragraph lacks is skipped (each costs a scan).
    for match in _RATIO.finditer(folded) if ":" in folded else ():  # 3.7:23.1:73.2
        # 三次产业结构为8:41:51 is no time of day (8:41:51), though it reads as one
        if free(*match.span()) or _RATIO_CUE.search(folded, max(0, match.start() - 12), match.start()):
            found.append(_Candidate(match.start(), match.end(), None, "", None, kind="ratio"))
            occupancy.take(*match.span())
    for match in _TO_ONE.finditer(folded) if ":" in folded else ():  # 城乡居民收入比缩小到2.1:1
        if free(*match.span()) and _RATIO_CUE.search(folded, max(0, match.start() - 12), match.start()):
            value = plain_number(Decimal(match.group(1)))
            found.append(_Candidate(match.start(), match.end(), value, "", None, kind="ratio"))
            occupancy.take(*match.span())
    for match in _RANK.finditer(folded):
        number = match.group("n") or match.group("top")
        has_unit = match.group("unit") or match.group("topunit")
        if not (match.group("scope") or match.group("verb") or has_unit):
            continue  # 第七次, 第一年: ordinals, not ranks
        # 全市第一 is the figure as written; after 稳居/排名 only 第一 is
        start = match.start() if match.group("scope") else \
            match.start("n") - 1 if match.group("n") else match.start("top") - 1
        if not free(start, match.end()):
            continue
        value = plain_number(number_value(number))
        found.append(_Candidate(start, match.end(), value, "位", "under" if match.group("top") else None, kind="rank"))
        occupancy.take(match.start(), match.end())
    for match in _DIGIT_CLASS.finditer(folded) if "位数" in folded else ():  # 两位数增长: a magnitude, counted in digits
        if free(*match.span()):
            found.append(_Candidate(match.start(), match.end(), plain_number(number_value(match.group(1))), "位数",
                                    None, kind="other"))
            occupancy.take(*match.span())
    # 跨过万亿元大关, 突破千亿元: a level crossed, in scale words
    for match in _BARE_THRESHOLD.finditer(folded) if "万" in folded or "亿" in folded else ():
        if free(*match.span()):
            value = 1
            for scale in match.group("n"):
                value *= _SCALE_OF[scale]
            # 近千万人次: under a level; 逾千万, 超百亿, 突破千亿: over it
            approx = "under" if folded[match.start() - 1] == "近" else "over"
            found.append(_Candidate(match.start(), match.end(), value, match.group("unit"), approx))
            occupancy.take(*match.span())
    for match in _DOUBLING.finditer(folded) if "番" in folded else ():  # 翻一番 = 2倍, 翻两番 = 4倍
        if free(*match.span()):
            times = 2 ** (number_value(match.group(1)) or 1)
            found.append(_Candidate(match.start(), match.end(), plain_number(times), "倍", None, kind="ratio"))
            occupancy.take(*match.span())
    for match in _PERCENT_WORDS.finditer(folded) if "分之" in folded else ():  # 百分之五
        value = _chinese_decimal(match.group(2))
        if value is not None and free(*match.span()):
            found.append(_Candidate(match.start(), match.end(), value, "%" if match.group(1) == "百" else "‰",
                                    APPROX_AFTER[match.group(3)] if match.group(3) else None))
            occupancy.take(*match.span())
    for match in NUMBER.finditer(folded):
        if not free(*match.span()) or _not_a_figure(folded, match.start(), match.end()):
            continue
        candidate = _quantity_candidate(folded, read_quantity(folded, match.start(), match.end()))
        if candidate is not None and _negative(folded, match.start()) and candidate.value is not None:
            # 增长-12.5%: a minus right after a word (not a hyphen between numbers) is a sign
            candidate.start, candidate.value = match.start() - 1, -candidate.value
        if candidate is not None:
            found.append(candidate)
            occupancy.take(candidate.start, candidate.end)
    for match in CHINESE_NUMERAL.finditer(folded):
        if not _chinese_quantity(folded, match) or not free(*match.span()):  # the cheaper test first
            continue
        if chinese_value(match.group()) is None:
            if unreadable is not None:
                unreadable.append(match.group())  # never a partial read: skipped, and said so
            continue
        quantity = read_quantity(folded, match.start(), match.end())
        if quantity.unit or quantity.scale:
            start, approx = quantity.start, quantity.approx
            if folded[start - 1:start] == "数" and match.group()[0] in "十百千" and free(start - 1, start):
                start, approx = start - 1, approx or "over"  # 数十亿元: some tens of 亿, at least ten
            found.append(_Candidate(start, quantity.end, quantity.value, quantity.unit, approx))
            occupancy.take(start, quantity.end)
    found.sort(key=lambda c: c.start)
    return found


def _chinese_decimal(numeral: str) -> int | float | None:
    """百分之五十八点五 → 58.5: the numeral after 百分之, read whole."""
    return plain_number(chinese_value(numeral)) if numeral != "百" else 100


def _negative(folded: str, start: int) -> bool:
    return start >= 1 and folded[start - 1] in "-−" and (start < 2 or not folded[start - 2].isalnum()
                                                         or "\u4e00" <= folded[start - 2] <= "\u9fff")


def _not_a_figure(folded: str, start: int, end: int) -> bool:
    before, after = folded[max(0, start - 1):start], folded[end:end + 6]
    if _LATIN.match(before) or _LATIN.match(after[:1]) or before in ("-", "_", "/") and start >= 2 \
            and _LATIN.match(folded[start - 2]):
        return True  # 5G, PM2.5, IPv6, COVID-19
    if before == "第" or _NOT_AFTER.match(after):
        return True  # 第十五届, 100周年, 〔2021〕1号, 500强
    if _YEAR.match(folded[start:end]) and after[:1] in ("年", "-", "—", "~", "至"):
        return True
    lead = folded[:start].strip() if start <= 8 else "-"  # only a paragraph's first characters
    if lead in ("", "("):
        if _LIST_NUMBER.match(folded, start - (1 if lead == "(" else 0)):
            return True  # list numbers at the start of a paragraph: 1. 2、 (3)
    if after[:1] == "年" and _TIME_WINDOW_BEFORE.search(folded, max(0, start - 2), start):
        return True  # 过去5年, 近3年: time windows, not durations
    return False


def _quantity_candidate(folded: str, quantity: Quantity) -> _Candidate | None:
    candidate = _Candidate(quantity.start, quantity.end, quantity.value, quantity.unit, quantity.approx)
    # A range: 6%-6.5%, 5至8个, 2-3年
    joiner = _RANGE_JOINER.match(folded, quantity.end)
    if joiner:
        second = NUMBER.match(folded, joiner.end())
        if second:
            upper = read_quantity(folded, second.start(), second.end())
            if upper.unit and (not quantity.unit or quantity.unit == upper.unit):
                low_value = quantity.value
                if not quantity.scale and not quantity.unit and upper.scale and low_value is not None:
                    low_value = plain_number(number_value(folded[quantity.start:quantity.end]) * SCALES[upper.scale])
                candidate = _Candidate(quantity.start, upper.end, low_value, upper.unit,
                                       upper.approx or quantity.approx, low=low_value, high=upper.value)
    if not candidate.unit and not quantity.scale and candidate.kind is None:
        return None  # a bare number: without a unit or a scale word it is too often a code or a name
    return candidate


_AFTER_A_LONE_DIGIT = frozenset("余多万亿成倍")


def _chinese_quantity(folded: str, match: re.Match) -> bool:
    """Chinese numerals count only where they are plainly quantities: 一百零二个, 两万三千人次,
    三千零五十亿斤, 十户, 百余家, 近三成, 两倍. A lone digit before a measure word (两个维护, 三大攻坚战,
    一批) is a name or an article, not a count; so is a numeral after 第, or in a time window."""
    numeral, start, end = match.group(), match.start(), match.end()
    if len(numeral) == 1 and CN_DIGITS.get(numeral) and folded[end:end + 1] not in _AFTER_A_LONE_DIGIT:
        return False  # 一是, 进一步, 三大攻坚战 (most matches): settled before any pattern is tried
    if folded[max(0, start - 1):start] == "第" or not _CN_ACCEPT_AFTER.match(folded, end):
        return False
    if _NOT_AFTER.match(folded, end) or re.match(r"年来|年以来|周年", folded[end:end + 3]):
        return False  # 十年来, 一百周年
    if folded[end:end + 1] == "年":
        return False  # 过去五年, 十年增加…, 三年行动: in words, a number of years is a window or a name
    digits = [ch for ch in numeral if ch in CN_DIGITS and CN_DIGITS[ch]]
    units = [ch for ch in numeral if ch not in CN_DIGITS]
    if not digits:  # 十户, 十万户, 百余家, 千余人; but 百姓, 千家万户 are no counts
        return numeral.startswith("十") or len(numeral) == 1 and folded[end:end + 1] in "余多"
    if not units:  # a single digit: only before 余/多/万/亿/成/倍 (三成, 两倍, 五万)
        return len(numeral) == 1 and re.match(r"[余多]|万|亿|成|倍", folded[end:end + 1]) is not None \
            and not folded[end:end + 2] == "万一"
    return True


# ---------------------------------------------------------------- indicator, kind, target

_DEFAULT_TAGGER: list[Tagger] = []


def default_tagger() -> Tagger:
    """jieba's part-of-speech tagger (parse.segment: its dictionary is loaded once a process)."""
    if not _DEFAULT_TAGGER:
        from reportcli.parse.segment import segmenter

        _DEFAULT_TAGGER.append(segmenter().tags)
    return _DEFAULT_TAGGER[0]


def _noun_after(text: str, folded: str, start: int, stop: int, tagger: Tagger) -> str:
    """The noun phrase right after a figure (980余名医务工作者 → 医务工作者), at most ~12 characters."""
    words = tagger(folded[start:stop])
    phrase: list[tuple[str, str]] = []
    offset = 0
    for index, (word, flag) in enumerate(words):
        if word == "的" and not phrase:
            offset += len(word)
            continue
        following = words[index + 1:index + 3]
        next_flag = following[0][1] if following else ""
        nounlike = flag.startswith(_NOUN_FLAGS) or word in "“”" or (bool(phrase) and word in _NOUNISH_VERBS) or (
            flag in ("a", "zg", "ng", "g") and any(f.startswith(_NOUN_FLAGS) for _, f in following))
        joins = bool(phrase) and word in ("和", "及", "与") and next_flag.startswith(_NOUN_FLAGS)
        # 教育基础设施提升改造项目: verbs inside a name that ends in a head noun
        inside = bool(phrase) and flag == "v" and any(_HEAD_NOUNS.search(w) for w, _ in following)
        length = sum(len(w) for w, _ in phrase)
        if not (nounlike or joins or inside) or (phrase and length + len(word) > 12) or word in _NOT_IN_NOUNS:
            break
        phrase.append((word, flag))
        if _HEAD_NOUNS.search(word) and not (following and following[0][0] in ("和", "及", "与")):
            break
    while len(phrase) > 1 and phrase[-1][1] in ("vn", "v", "c") and phrase[-1][0] not in _NOUNISH_VERBS:
        phrase.pop()  # 甲类绿色矿山建设 → 甲类绿色矿山
    length = sum(len(w) for w, _ in phrase)
    if not length:
        # 512项依申请类事项, 6个百分百要求: the tagger saw no noun first, but a head noun is near
        named = _NAMED_BY_HEAD.match(folded, start + offset, stop)
        if named:
            return text[named.start():named.end()]
    return text[start + offset:start + offset + length].strip("“”")


def _subject(text: str, folded: str, start: int, end: int, unit: str) -> tuple[str, str]:
    """(subject as written, predicate chain) from the clause text folded[start:end]."""
    subject_start = start
    while True:
        lead = _LEADING.match(folded, subject_start, end)
        complete = None if unit in ("%", "成") else _LEADING_COMPLETE.match(folded, lead.end() if lead else subject_start, end)
        moved = complete.end() if complete else lead.end() if lead else subject_start
        if moved == subject_start:
            break
        subject_start = moved
    tail = _trailing(folded, subject_start, end)
    subject_end = tail.start() if tail else end
    gap = _GAP_TAIL.search(folded, subject_start, subject_end)
    if gap:
        subject_end = gap.start()
    chain = folded[subject_end:end]
    to_verb = _TO_VERB.search(folded, subject_start, subject_end)
    if to_verb and to_verb.start() > subject_start:
        subject_end = to_verb.start()
    kept = [(subject_start, subject_end)]
    inner = _INNER_VERB.search(folded, subject_start, subject_end)
    if inner and inner.start() > subject_start:
        kept = [(subject_start, inner.start()), (inner.end(), subject_end)]
    return "".join(text[a:b] for a, b in kept).strip(), chain


# A subject that is only a generic head says nothing of what is measured (完成投资5.5亿元): it
# takes the noun phrase counted before it in the sentence (实施市政建设项目23个 → 市政建设项目完成投资).
_TOTAL_HEADS = {"总数", "总量", "总额", "总计", "合计", "数量"}
_GENERIC_HEADS = {"投资", "总投资", "投入", "资金", "金额", "产值", "年产", "年产能", "产能", "规模", "设计产能",
                  "年生产能力", "生产能力"} | _TOTAL_HEADS
# Heads that name a measure of a sector, which only the sentence's opening sector names (工业经济稳中有进，
# 增加值增长8%); not the things counted before them (制造业增加值增长8%，支出增长5%).
_SECTOR_HEADS = {"增加值", "支出", "营业收入", "利润", "利税", "产值"}
# Modifiers that leave a head generic: 年度计划投资, 累计完成投资 are still investment in what?
_HEAD_MODIFIERS = re.compile(r"^(?:年度|当年|今年|计划|累计|实际|完成|新增|全年)+")


def _is_generic_head(subject: str) -> bool:
    folded = fold(subject)
    return folded in _GENERIC_HEADS or _HEAD_MODIFIERS.sub("", folded) in _GENERIC_HEADS
# Light verbs before a counted noun, which the noun does not keep when it names another figure.
_LIGHT_VERBS = re.compile(r"^(?:实施|推进|开展|启动|组织|安排|落实|完成|谋划|储备|建设)")
_SCOPE_WORDS = re.compile(r"^(?:全年|年内|今年|当年|本年|同期|其中|,|\s)+")
_RANK_VERB = re.compile(r"排名|排在|排|位居|位列|稳居|名列|进入|跻身|挺进|迈入|跃居|居|列")
_COUNTED_INDICATORS = re.compile(r"[一二三四五六七八九十两\d]+项(?:主要)?(?:经济)?指标|(?:均|都|分别)$")
# 地区生产总值(GDP), 规模以上工业增加值(简称“规上工业增加值”): an alias, not a modifier
_ALIAS = re.compile(r"[(（](?:[A-Za-z0-9&.\s]{2,12}|(?:以下简称|简称|下称|以下称)[^()（）]{1,16})[)）]")
_MULTIPLE_OF = re.compile(r"^(?:是|为|相当于|达到|达)(?P<ref>.{1,20}?)的$")  # 是“十三五”末的1.5倍: what of
_MULTIPLE_IN = re.compile(r"(?:是|相当于)(?P<ref>[^,;。]{1,20}?)的$")
# A sentence about several years at once: 五年来, 过去五年, 十年间, “十四五”时期 (its growth is over them all).
_MULTI_YEAR_FRAME = re.compile(r"\s*(?:过去|近|这|最近)(?P<n>[两三四五六七八九十]|[2-9]|1\d)年(?:来|间|里|以来|中)?|"
                               r"\s*(?P<m>[两三四五六七八九十]|[2-9]|1\d)年(?:来|间|里|以来|中)|"
                               r"\s*(?:过去|在)?[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|以来)")
_SINGLE_YEAR = re.compile(r"(?:19|20)\d{2}年|今年|去年|上年|全年|同比|比上年|较上年")


def _years_of_frame(folded: str, sentence_start: int, start: int, change_word: str) -> str | None:
    """The span of years a sentence opens with (五年来 → 五年), when a growth in it is over them all:
    not an average (年均增长) and not said of one year (2023年增长…, 同比)."""
    frame = _MULTI_YEAR_FRAME.match(folded, sentence_start)
    if not frame or fold(change_word).startswith(("年均", "平均")) or "年均" in folded[frame.end():start] \
            or _SINGLE_YEAR.search(folded, frame.end(), start):
        return None
    count = frame.group("n") or frame.group("m")
    return f"{count}年" if count else "五年"
_NEW_PREDICATE = re.compile(f"{alternation(CHANGE_VERBS)}|达到|完成|实现|占")  # restarts a 分别 pairing
# 高于全省0.3个百分点, 比全国平均水平高1.2个百分点: a gap to a reference, said of the figure before.
_GAP_TO = re.compile(r"^,?(?:增速|增幅|涨幅)?(?<!不)(?:高于|低于|快于|慢于|高出|低出)(?P<ref>[^,;。]{1,12}?)$"
                     r"|^,?(?:增速|增幅|涨幅)?(?:比|较)(?!上年|去年|年初|上一年)(?P<ref2>[^,;。]{1,12}?)(?<![提升])(?:高出|低出|高|低|快|慢)$")
# The measure at the end of a subject, after what it measures (粮食 | 播种面积, 进出口 | 总额).
# A measure said bare after the clause that named what it measures (粮食播种面积…，产量…).
_BARE_MEASURES = {"产量", "单产", "产值", "面积", "播种面积", "总产", "亩产", "投入强度", "强度", "存栏", "出栏"}
_MEASURED_HEAD = re.compile(r"(?:播种面积|种植面积|面积|产量|产值|营业收入|主营业务收入|收入|利润|人数|数量|规模|总额|总量|增加值|"
                            r"经费投入|投入|出栏|存栏)$")


# A ranked measure that names no subject of its own (增速居全市第二位, 总量排名全省第三).
_RANKED_MEASURE = re.compile(f"(?:{alternation(RATE_OF_CHANGE)}|总量|规模|总额)")


# A label before a colon that opens a list or a statement, not a measure (主要预期目标：…, 报告指出：…).
_LABEL_NOT_A_MEASURE = re.compile(r"目标|任务|要求|如下|指出|提出|表示|强调|显示|其中|具体|包括|重点|\d")
_ADDED_AFTER = re.compile(r"^\s*新增")
_CONVERSION = re.compile(r"\(?(?:约?(?:折合|合)约?(?:人民币|美元)?|相当于)")  # (折合人民币86亿元) too
_RANK_MOVED_BY = re.compile(r"(?:比上年|较上年|比去年|较去年)?(?P<verb>前移|后移|上升|提升|前进|后退|下降|提高|跃升|进位|退位)了?")
_RANK_MOVED = re.compile(r"(?:上升|提升|提高|前移|跃升|跃居|攀升|下降|后移|回落|降)(?:到|至|为)?\s*$|(?:升|降)至\s*$")


def _rank_indicator(text: str, folded: str, start: int, end: int, candidate: _Candidate) -> str:
    """What is ranked, and where: 地区生产总值增速居全省第一位 → 地区生产总值增速全省排名."""
    prefix = folded[start:candidate.start]
    verbs = list(_RANK_VERB.finditer(prefix))
    verb = verbs[-1] if verbs else None
    subject_end = start + verb.start() if verb else candidate.start
    subject, _ = _subject(text, folded, start, subject_end, "")
    scope = text[start + verb.end():candidate.start] if verb else ""
    if scope.strip() in ("由", "从"):
        scope = ""  # 排名由第8位…: where it moved from, no scope
    raw = text[candidate.start:candidate.end]
    scope += next((raw[:len(m)] for m in (re.match(_RANK_SCOPE, fold(raw)),) if m for m in [m.group()]), "")
    subject = _COUNTED_INDICATORS.sub("", subject).strip("、，, ")
    placed = re.search(f"在({_RANK_SCOPE})$", fold(subject))
    if placed:  # 经济总量在全省排名…: the scope is where it is ranked
        subject, scope = subject[:placed.start()], subject[placed.start(1):placed.end(1)] + scope
    return f"{subject}{scope.strip()}排名" if subject or scope else "排名"


def extract_figures(text: str, paragraph: int = 0, *, section: str = "", report_year: int | None = None,
                    tagger: Tagger | None = None, unreadable: list[str] | None = None) -> list[Figure]:
    """Figures of one paragraph. `section` (its path) tells plan from review parts. Chinese
    numerals that look like quantities but cannot be read whole are added to `unreadable`."""
    folded = _without_long_digit_runs(with_arabic_years(fold(text)))
    candidates = _candidates(folded, unreadable)
    if not candidates:
        return []
    tagger = tagger or default_tagger()
    clause_ends, sentence_ends, whole_sentence_ends, context_ends = _boundaries(folded, *_FIGURE_ENDS)
    section_default = section_tense(section, report_year)
    starts = [c.start for c in candidates]
    figures: list[Figure] = []
    carry = _Carry(-1)
    for candidate in candidates:
        sentence_start = _last_before(sentence_ends, candidate.start)
        sentence_end = _next_after(sentence_ends, candidate.end, len(folded))
        clause_start = _last_before(clause_ends, candidate.start)
        same_sentence = carry.sentence == sentence_start
        if not same_sentence:
            carry = _Carry(sentence_start)
        prefix_start = max(clause_start, candidate.start - SUBJECT_WINDOW)
        if same_sentence and carry.end > prefix_start and not carry.threshold:
            prefix_start = carry.end  # 131件、政协委员提案168件: the next item starts after the last
        subject, chain = _subject(text, folded, prefix_start, candidate.start, candidate.unit)
        if "约占" in subject and candidate.unit in ("%", "成"):
            subject = subject.replace("约占", "占")  # 约占地区生产总值的55%: a share, about
            candidate.approx = candidate.approx or "about"
        if not subject and clause_start > 1 and folded[clause_start - 1] == ":" and not (same_sentence and carry.base):
            # 地区生产总值：增长6%左右 (a list of targets, a measure to a line): the label names the figure
            label_start = _last_before(clause_ends, clause_start - 1)
            if clause_start - 1 - label_start <= 24:
                label, _ = _subject(text, folded, label_start, clause_start - 1, candidate.unit)
                if label and not _LABEL_NOT_A_MEASURE.search(fold(label)):
                    subject = label
        if candidate.unit == "人" and folded.startswith("口", candidate.end):
            subject, chain = "人口", ""  # 13亿多人口的大国, 50万人口以上城市: a population, whatever came before
        prefix = folded[max(clause_start, candidate.start - SUBJECT_WINDOW):candidate.start]
        change_word = None
        in_chain = _CHANGE_VERB.search(chain)
        if in_chain and not _TO_AFTER_CHANGE.search(chain):
            at = candidate.start - len(chain) + in_chain.start()
            if folded[max(0, at - 2):at] in ("年均", "平均"):
                at -= 2  # 年均增长5.2%: an average over years, not the year's own growth
            change_word = text[at:at + len(in_chain.group()) + (2 if folded[at:at + 2] in ("年均", "平均") else 0)]
        elif subject and _CHANGE_ACTION.match(fold(subject)):
            change_word = subject[:len(_CHANGE_ACTION.match(fold(subject)).group())]
        distribute = "分别" in prefix or carry.distribute
        clause_end = _next_after(clause_ends, candidate.end, len(folded))
        threshold = _is_threshold(folded, candidate)
        after = _noun_after(text, folded, candidate.end, min(clause_end, candidate.end + NOUN_WINDOW), tagger) \
            if threshold or candidate.unit in _CLASSIFIERS or not subject else ""
        counted_end = candidate.end
        base = subject
        if after in _GENERIC_COUNTED and subject and 4 <= len(subject) <= 40 and candidate.unit in _CLASSIFIERS \
                and not threshold and "、" in subject:
            # 物业服务招投标、物业管理区域划分、维修资金审核备案3项指标: the items listed name them
            counted_end = text.index(after, candidate.end) + len(after)
            subject, base = _LEADING.sub("", subject) + after if _LEADING.match(subject) else subject + after, ""
        elif after and (threshold or candidate.unit in _CLASSIFIERS and not (
                after in _GENERIC_COUNTED and subject and len(subject) <= 12)):
            # 12个国家和地区, 300余家企业: the measure word counts the noun after it;
            # 5000万元以上项目: a threshold qualifies the noun after it (its size).
            counted_end = text.index(after, candidate.end) + len(after)
            subject, base = (_threshold_name(text, prefix_start, candidate.start, after) if threshold else after), ""
        elif carry.base and _CONVERSION.fullmatch(fold(subject)):
            # 人均地区生产总值9.8万元，约合1.4万美元: the same measure in another unit
            candidate.approx = candidate.approx or ("about" if "约" in subject else None)
            subject = carry.base
        elif not subject and carry.base:
            subject = carry.base  # 同比增长0.8%: the subject carries across the clauses
            new = _NEW_THINGS.match(fold(subject)) if _CUMULATIVE.search(folded, prefix_start, candidate.start) else None
            if new and new.end() < len(subject):
                subject = subject[new.end():]  # 新建5G基站1.2万个，累计达到5.6万个: the total is of 5G基站, not the new ones
            change_word = change_word or (carry.change if not chain.strip() else None)
            if "分别" in folded[prefix_start:candidate.start]:
                # A达到…，B达到…，分别增长x和y: the k-th figure of the group is said of the k-th subject
                size = 1 + bisect_left(starts, clause_end) - bisect_right(starts, candidate.start)
                carry.group = (0, size)
            elif carry.group is not None:
                carry.group = (carry.group[0] + 1, carry.group[1])
            group = carry.group
            if group is not None and len(carry.bases) >= group[1] and "城乡" not in fold(subject):
                subject = carry.bases[len(carry.bases) - group[1] + group[0]]
        elif subject.startswith("占") and carry.base:
            subject = carry.base + subject  # 民生支出…占一般公共预算支出的70.22%
        elif (subject.startswith("总") and len(subject) <= 4 or fold(subject) in _BARE_MEASURES) \
                and (owner := carry.base[:len(_MEASURED_HEAD.sub("", fold(carry.base)))]) and owner != carry.base:
            # 粮食播种面积1530万亩、总产量124.5亿斤 (…，产量稳定在120亿斤以上): the grain's output
            subject = owner + subject
        elif not subject:
            subject, base = after, ""
        if not subject and same_sentence:
            subject = carry.subject  # 3项指标要全部达到100%: still those indicators
        listed = _LISTED_SUBJECT.match(fold(subject)) if distribute else None
        items = re.split(r"[、]", subject) if distribute and not listed and "城乡" not in fold(subject) else []
        if len(items) == 1 and len(joined := re.split(r"和|与|及", items[0])) >= 2 and all(len(item) >= 4 for item in joined):
            items = joined  # 户籍人口城镇化率和常住人口城镇化率分别达到52.1%和63.4%
        paired = len(items) >= 2 and all(len(item) >= 3 for item in items)
        # The k-th figure after 分别 is the k-th listed subject's; a new 分别 (分别达到…, 分别增长…), or
        # a new predicate between the figures (分别为74997元和40311元、增长4.8%和6.6%), starts the
        # pairing again; 和, 、 and qualifiers between them (每月660元和每年5,200元) continue it.
        between = folded[carry.end:candidate.start] if same_sentence else ""
        order = carry.next_order("分别" in folded[prefix_start:candidate.start]
                                 or _NEW_PREDICATE.search(between) is not None) \
            if paired or distribute and ("城乡" in fold(subject) or listed) else -1
        if paired:
            # 一般公共预算收入、税收收入分别增长5%和6%
            indicator_subject = items[min(order, len(items) - 1)]
        elif order >= 0:
            if listed:  # 城镇、农村居民人均可支配收入分别增长5.3%和7%: 城镇… then 农村…
                first, second = listed.span(1), listed.span(2)
                item = subject[slice(*(first if order == 0 else second))]
                indicator_subject = item + subject[listed.end(2):]
            else:
                index = fold(subject).index("城乡")
                # the replacement keeps the script of the text: 城鄉 → 城鎮 / 農村
                places = ("城镇", "农村") if subject[index:index + 2] == "城乡" else ("城鎮", "農村")
                indicator_subject = subject[:index] + places[min(order, 1)] + subject[index + 2:]
        else:
            indicator_subject = subject
        if candidate.kind != "rank" and _is_generic_head(indicator_subject):
            indicator_subject = _named_head(text, folded, candidate, prefix_start, clause_end, sentence_end,
                                            indicator_subject, carry.noun, tagger, sentence_start)
        elif candidate.kind != "rank" and fold(indicator_subject) in _SECTOR_HEADS:
            indicator_subject = _sector_named(text, folded, sentence_start, prefix_start, indicator_subject)
        elif _BARE_RATE.fullmatch(fold(indicator_subject)) and carry.things:
            # 改造卫生厕所1,273户…，普及率达到91.32% → 卫生厕所普及率
            indicator_subject = "和".join(carry.things[-2:]) + indicator_subject
        elif after and subject == after and fold(after) in _GENERIC_COUNTED_NOUNS:
            # 7个项目入园, 300余家企业参展, 2家企业实现新三板挂牌: what the counted things did names them
            done = _DONE_BY_COUNTED.match(folded, counted_end)
            if done:
                indicator_subject = text[done.start("what"):done.end("what")] + after
        multiple = _MULTIPLE_OF.match(folded[prefix_start:candidate.start].strip()) if candidate.unit == "倍" else None
        multiple_in = _MULTIPLE_IN.search(folded, prefix_start, candidate.start) \
            if candidate.unit == "倍" and not multiple and indicator_subject else None
        if multiple and carry.base:
            # 达到3,000亿元，是“十三五”末的1.5倍: the ratio of the subject to the reference
            reference = text[prefix_start:candidate.start].strip()[multiple.start("ref"):multiple.end("ref")]
            indicator_subject = f"{carry.base}与{reference}之比"
        elif multiple_in:
            # 规模以上工业增加值是“十三五”末的1.5倍: the same ratio, its subject in its own clause
            indicator_subject = f"{indicator_subject}与{text[multiple_in.start('ref'):multiple_in.end('ref')]}之比"
        gap = _GAP_TO.match(folded[prefix_start:candidate.start].strip()) \
            if candidate.unit in ("个百分点", "%") and figures and same_sentence else None
        if gap:
            # 增长6.1%，高于全省0.3个百分点: the gap between the last figure's measure and the reference's
            group = "ref" if gap.group("ref") else "ref2"
            reference = text[prefix_start:candidate.start].strip()[gap.start(group):gap.end(group)]
            measured = figures[-1].indicator
            measured = measured[:-2] + "增速" if measured.endswith(("增长", "增長")) else measured
            indicator_subject = f"{measured}与{reference}之差"
        kind = candidate.kind or _kind(candidate, folded, prefix, indicator_subject, change_word)
        if kind == "rank":
            indicator_subject = _rank_indicator(text, folded, prefix_start, clause_end, candidate)
            if indicator_subject == "排名" and same_sentence and figures and figures[-1].kind == "rank" \
                    and _RANK_MOVED.search(folded, carry.end, candidate.start):
                indicator_subject = figures[-1].indicator  # 排名由第8位上升到第6位: the same standing, moved
            if carry.base and _RANKED_MEASURE.match(fold(indicator_subject)):
                # …地区生产总值486亿元，增长6.8%，增速居全市第二位: the growth of the subject carried
                indicator_subject = carry.base + indicator_subject
        if candidate.unit == "位" and kind != "rank" and same_sentence and figures and figures[-1].kind == "rank" \
                and (moved := _RANK_MOVED_BY.fullmatch(fold(subject))):
            # 全省排名第5位，较上年前移3位: the same standing, moved by that many places
            indicator_subject, kind = figures[-1].indicator + subject[moved.start("verb"):moved.end("verb")], "change"
        indicator = _ALIAS.sub("", indicator_subject)
        if kind == "level" and (added := _ADDED_AFTER.search(chain)) and "新增" not in fold(indicator):
            chain_start = candidate.start - len(chain)  # 专精特新“小巨人”企业新增12家: the new ones, not all of them
            indicator += text[chain_start + added.start():chain_start + added.end()]
        if (kind == "change" or candidate.unit == "倍") and change_word and not indicator.endswith(change_word) \
                and change_word not in subject[:4]:
            indicator = f"{indicator}{change_word}"
        if kind == "change" and change_word and indicator.endswith(change_word) and candidate.unit == "%":
            years = _years_of_frame(folded, sentence_start, candidate.start, change_word)
            if years:
                # 五年来，地区生产总值增长32%: growth over the five years, not the year's (nor an average)
                indicator = f"{indicator[:-len(change_word)]}{years}{change_word}"
        sentence = folded[max(sentence_start, candidate.start - SENTENCE_WINDOW):
                          min(sentence_end, candidate.end + SENTENCE_WINDOW)]
        figures.append(Figure(
            paragraph=paragraph, raw=text[candidate.start:candidate.end], value=candidate.value, unit=candidate.unit,
            approx=candidate.approx, indicator=indicator, kind=kind,
            target=_is_target(sentence, folded[max(clause_start, candidate.start - SENTENCE_WINDOW):
                                              min(clause_end, candidate.end + SENTENCE_WINDOW)],
                              section_default, report_year) or (
                section_default is not False and _LIST_OPENER.search(folded, max(
                    _last_before(whole_sentence_ends, candidate.start), candidate.start - SENTENCE_WINDOW),
                    candidate.start) is not None),
            context=text[max(clause_start, candidate.start - CONTEXT_WINDOW):
                         min(_next_after(context_ends, candidate.end, len(folded)), candidate.end + CONTEXT_WINDOW)
                         ].strip(),
            start=candidate.start, end=candidate.end, low=candidate.low, high=candidate.high))
        if kind == "rank" and carry.base:
            base = carry.base  # 地区生产总值486亿元，总量全市排名第5，增速全市第二: still the output's rank
        if base and base not in carry.bases:
            carry.bases.append(base)
        if kind == "level" and candidate.unit in _CLASSIFIERS and not threshold:
            thing = _ACTION_VERBS.sub("", _counted_noun(subject, figures, threshold))
            if len(thing) >= 2 and thing not in carry.things:
                carry.things.append(thing)  # what has been counted in the sentence: what a bare rate is of
        if not threshold and not _is_generic_head(subject):
            carry.noun = _counted_noun(subject, figures, threshold)
        carry.base = base or (carry.base if counted_end == candidate.end else "")
        carry.end, carry.change, carry.subject, carry.threshold = counted_end, change_word, subject, threshold
        carry.distribute, carry.distributed = distribute, order
    named = _compound_subjects_shared([_named_after_a_preposition(figure, text, folded) for figure in figures], folded)
    return _with_basis(_labelled_after(_households_and_people(named, text, folded), text, folded), text, folded)


# A summary's line that gives the figure first and its label after (5%左右——国内生产总值增长,
# 1244万人：城镇新增就业): the label names it, when nothing before the figure does.
_LABEL_AFTER = re.compile(r"\s*(?:——|—|–|-|:)\s*(?P<label>[^,;。:!?—\d]{2,24}?)\s*(?:[,;。]|$)")


def _labelled_after(figures: list[Figure], text: str, folded: str) -> list[Figure]:
    if all(figure.indicator for figure in figures):
        return figures
    out = []
    for figure in figures:
        label = _LABEL_AFTER.match(folded, figure.end) if not figure.indicator else None
        if label:
            indicator = text[label.start("label"):label.end("label")]
            folded_label = label.group("label")
            kind = "change" if _CHANGE_VERB.search(folded_label[-3:]) or _RATE_OF_CHANGE.search(folded_label) else \
                "share" if _SHARE_INDICATOR.search(folded_label) else \
                figure.kind if figure.unit in ("%", "个百分点", "‰", "成") else "level"
            figure = figure._replace(indicator=indicator, kind=kind)
        out.append(figure)
    return out


# 1.8万户6.5万名贫困群众实现脱贫, 2.3万户7.8万人搬入新居: households and people of one group, side by
# side: the households take the people's name, and when the people have none, what they did names both.
_PEOPLE_UNITS = {"人", "名", "人次"}
_WHAT_PEOPLE_DID = re.compile(r"(?:实现|完成|已)?[\u4e00-\u9fff]{2,6}(?=[,;。、]|$)")


def _households_and_people(figures: list[Figure], text: str, folded: str) -> list[Figure]:
    if not any(figure.unit == "户" and not figure.indicator for figure in figures):
        return figures
    out = list(figures)
    for at in range(len(out) - 1):
        households, people = out[at], out[at + 1]
        if households.unit != "户" or people.unit not in _PEOPLE_UNITS or people.start != households.end \
                or households.indicator:
            continue
        name = people.indicator
        if not name and (did := _WHAT_PEOPLE_DID.match(folded, people.end)):
            name = text[did.start():did.end()]
            out[at + 1] = people._replace(indicator=name)
        if name:
            out[at] = households._replace(indicator=name)
    return out


# A figure that is the start of a window (从50元提高到84元: 50元 is where it began, not the year's
# outcome), and one that is a change against last year written as an amount (比上年提高1个百分点,
# 比上年增加5000亿元: not a level of the same indicator).
_WINDOW_START_BEFORE = re.compile(r"(?:从|由)(?:\d{4}年的?)?(?:每人每月|每人每年|每月|每年|每人|人均|每亩)?(?:不到|不足|近|约|超过|突破)?$")
_WINDOW_START_AFTER = re.compile(r"(?:左右|以上|以下|多|余)?(?:(?:提高|增加|增长|上升|提升|扩大|下降|降低|减少|缩小|降|升|增)?(?:到|至)"
                                 r"|(?:调整|提高|提升|增加|上调|下调|降低|降)(?:为|到|至))")
_VS_LAST_YEAR = re.compile(r"(?:(?:比上年|较上年|比去年|较去年|同比|比上年度|较上年度|比上一年)(?:末|底)?|比年初|较年初)"
                           r"(?P<verb>提高|增加|减少|下降|降低|扩大|缩小|上升|回落|多|少)了?$")


# A subject that is only a preposition or one character (把80%以上的财力用于民生: not 把): the
# measure is the noun after the figure (80%以上的 → 财力).
_PREPOSITIONS = {"把", "将", "对", "向", "在", "以", "为", "使", "让", "被", "从", "给", "按", "和", "与", "及"}
_NOUN_AFTER = re.compile(r"的([\u4e00-\u9fff]{2,8}?)(?=用于|投向|投入|来自|集中|都|要|全部|[,，。;；、]|$)")


def _named_after_a_preposition(figure: Figure, text: str, folded: str) -> Figure:
    subject = fold(figure.indicator)
    if len(subject) != 1 and subject not in _PREPOSITIONS:
        return figure  # (no subject at all is left alone: 通过3年左右的努力 measures no 努力)
    after = _NOUN_AFTER.match(folded, figure.end)
    if after is None:
        return figure
    return figure._replace(indicator=text[after.start(1):after.end(1)])


# A subject that names its parts in order (三次产业增加值分别增长a、b、c): the k-th figure after 分别
# is the k-th part's (第一产业增加值, 第二产业…, 第三产业…). (城镇、农村 and 城乡 are paired above.)
_COMPOUND_SUBJECTS = {"三次产业": ("第一产业", "第二产业", "第三产业"), "一二三产业": ("第一产业", "第二产业", "第三产业"),
                      "一、二、三产业": ("第一产业", "第二产业", "第三产业"), "进出口": ("进口", "出口")}


_TO_TRADITIONAL = str.maketrans({"产": "產", "业": "業", "进": "進"})


def _compound_subjects_shared(figures: list[Figure], folded: str) -> list[Figure]:
    out = list(figures)
    index = 0
    while index < len(out):
        figure = out[index]
        subject = fold(figure.indicator)
        compound = next((key for key in _COMPOUND_SUBJECTS if subject.startswith(key)), None)
        group = [index]
        while compound and group[-1] + 1 < len(out) and out[group[-1] + 1].indicator == figure.indicator:
            group.append(group[-1] + 1)
        parts = _COMPOUND_SUBJECTS.get(compound or "", ())
        if compound and len(group) == len(parts) and "分别" in folded[max(0, figure.start - 12):figure.start]:
            written, rest = figure.indicator[:len(compound)], figure.indicator[len(compound):]
            script = _TO_TRADITIONAL if written != compound else {}  # a traditional text's parts stay traditional
            for part, member in zip(parts, group):
                out[member] = out[member]._replace(indicator=part.translate(script) + rest)
        index = group[-1] + 1
    return out


def _with_basis(figures: list[Figure], text: str, folded: str) -> list[Figure]:
    """Each figure with `basis` where it is not a level of its own: "from" for a window's start,
    "vs_last_year" for an amount of change against last year (its indicator says so: 赤字率比上年提高,
    kind change, no code — a panel keyed on the indicator keeps one level a year)."""
    out: list[Figure] = []
    for figure in figures:
        base = max(0, figure.start - 12)
        before = folded[base:figure.start]
        if _WINDOW_START_BEFORE.search(before) and _WINDOW_START_AFTER.match(folded, figure.end):
            figure = figure._replace(basis="from")
        elif (against := _VS_LAST_YEAR.search(before)) and figure.unit != "%":
            level = next((other for other in reversed(out) if other.end <= figure.start and other.basis is None
                          and not any(ch in _SENTENCE_END for ch in folded[other.end:figure.start])), None)
            subject = level.indicator if level is not None else figure.indicator
            subject = re.sub(r"(?:与上年.*之差)?(?:提高|增加|减少|下降|降低|扩大|缩小|上升|回落)?$", "", subject)
            written = text[base + against.start():base + against.end("verb")]  # 比上年提高, 較上年增加: as written
            figure = figure._replace(basis="vs_last_year", kind="change", indicator=subject + written)
        out.append(figure)
    return out


class _Carry:
    """What the figures of one sentence pass on to the next: the subject carries across clauses
    (地区生产总值…，同比增长0.8%), 分别 pairs figures with the subjects listed before it in order,
    and a bare rate (普及率) is of the things counted before it. A new sentence starts afresh."""

    __slots__ = ("sentence", "end", "base", "change", "subject", "noun", "things", "bases", "group",
                 "distribute", "distributed", "threshold")

    def __init__(self, sentence: int) -> None:
        self.sentence = sentence  # where the sentence starts
        self.end = 0  # where the last figure's counted phrase ends (the next item starts after it)
        self.base = ""  # the subject that carries to a figure without its own
        self.change: str | None = None  # the last figure's change verb (同比增长0.8%、…)
        self.subject = ""  # the last figure's subject
        self.noun: str | None = None  # the last counted noun that names a generic head (项目 → …项目)
        self.things: list[str] = []  # what has been counted in the sentence
        self.bases: list[str] = []  # distinct subjects named so far in the sentence, for 分别
        self.group: tuple[int, int] | None = None  # (position, size) inside a 分别 group
        self.distribute = False  # a 分别 is pairing figures with listed subjects
        self.distributed = -1  # which listed subject the last figure took
        self.threshold = False  # the last figure was a threshold (5000万元以上项目)

    def next_order(self, restart: bool) -> int:
        """Which listed subject the next figure of a 分别 takes."""
        return 0 if restart or not self.distribute else self.distributed + 1


_BARE_RATE = re.compile(r"[\u4e00-\u9fff]{1,2}率")  # 普及率, 办复率, 覆盖率: a rate of what?
_ACTION_VERBS = re.compile(r"^(?:实施|推进|开展|启动|组织|安排|落实|完成|谋划|储备|建设|改造|新建|建成|新增|培训|培育|"
                           r"办理|办结|受理|查处|发放|治理|整治|创建|打造|引进|新引进|招引|签约|开工|竣工|建立|设立|认定|评定|"
                           r"各类|各项|各种|全部)+")
_GENERIC_COUNTED_NOUNS = {"项目", "企业", "家企业", "个项目"}
# What was new in a year (新建, 新增 …), and the words that then give the running total of the same things.
_NEW_THINGS = re.compile(r"(?:新建成|新建|新增|新开工|新引进|新培育|新认定|新登记|新设立|新注册|新招引|新签约|新开通|新投运)"
                         r"(?:[、和]?(?:改扩建|改建|扩建|改造|续建|建成|建设))*")
_CUMULATIVE = re.compile(r"累计|总计|共计|总数|总量")
# What counted things did: 入园, 参展, 实现新三板挂牌 (the verb at the clause's end names them).
_DONE_BY_COUNTED = re.compile(r"(?:实现|完成|成功)?(?P<what>(?:新三板|主板|科创板|创业板|境内外|境外)?(?:入园|落地|开工|竣工|投产|签约|"
                              r"参展|挂牌|上市|入驻|入库|注册|落户|达产|升规|纳统))(?=[,;。、)]|$)")
_AFTER_FIGURE = re.compile(r"的?(?:[\d一二两三四五六七八九十百千万]+[个项家座所条批处])?")
_NEXT_OBJECT = re.compile(r"[,;]\s*(?:用于|实施|建设|完成|推进|启动|支持|保障)(?:了)?")


def _named_head(text: str, folded: str, candidate: _Candidate, prefix_start: int, clause_end: int,
                sentence_end: int, head: str, counted_before: str | None, tagger: Tagger,
                sentence_start: int = 0) -> str:
    """A generic head (投资, 总投资, 投入, 年产 …) with the thing it is of, from the sentence:
    总投资3.7亿元的11个教育基础设施项目 → 教育基础设施项目总投资 (the noun after the figure);
    实施市政建设项目23个，完成投资5.5亿元 → 市政建设项目完成投资 (the noun counted before it);
    投入4.14亿元，实施12个教育基础设施项目 → 教育基础设施项目投入 (the object of the next clause)."""
    following = _AFTER_FIGURE.match(folded, candidate.end).end()
    if following > candidate.end or following < len(folded) and "\u4e00" <= folded[following] <= "\u9fff":
        noun = _noun_after(text, folded, following, min(clause_end, following + NOUN_WINDOW), tagger)
        if len(noun) >= 2 and fold(noun) not in _GENERIC_HEADS:
            return noun + head
    if counted_before:
        phrase = _TRAILING.sub("", _SCOPE_WORDS.sub("", text[prefix_start:candidate.start].strip("，,；;、 ")))
        if _HEAD_MODIFIERS.sub("", fold(head)) in _TOTAL_HEADS:
            # 新增市场主体5.2万户，总数达到48.7万户: the total is of 市场主体, not of the new ones
            counted_before = _ACTION_VERBS.sub("", counted_before) or counted_before
        return counted_before + (phrase or head)
    next_clause = _NEXT_OBJECT.match(folded, clause_end, sentence_end) if clause_end < sentence_end else None
    if next_clause:
        start = _AFTER_FIGURE.match(folded, next_clause.end()).end()
        stop = _next_after_any(folded, start, sentence_end)
        noun = _noun_after(text, folded, start, min(stop, start + NOUN_WINDOW), tagger)
        if len(noun) >= 2 and fold(noun) not in _GENERIC_HEADS:
            return noun + head
    return _sector_named(text, folded, sentence_start, prefix_start, head)


def _sector_named(text: str, folded: str, sentence_start: int, prefix_start: int, head: str) -> str:
    """在交通领域，完成投资120亿元; 工业经济稳中有进，增加值增长8%: the sector the sentence opens
    with, in a clause of its own before the figure's, names the head."""
    first_clause_end = _next_after_any(folded, sentence_start, prefix_start)
    topic = _TOPIC.match(folded, sentence_start, first_clause_end) if first_clause_end < prefix_start else None
    if not topic:
        return head
    group = "t" if topic.group("t") else "u"
    return text[topic.start(group):topic.end(group)] + head


# The sector a sentence opens with, in a clause of its own: 在交通领域, 工业经济稳中有进, 服务业提质增效.
_TOPIC = re.compile(r"\s*(?:在|从|抓|推进|聚焦)?(?P<t>[\u4e00-\u9fff]{2,8}?)(?:领域|方面|板块|战线)[^,;:。\d]{0,8}$|"
                    r"\s*(?P<u>[\u4e00-\u9fff]{1,5}?业)(?:经济|生产|发展)?[^,;:。\d]{0,8}$")


def _next_after_any(folded: str, start: int, end: int) -> int:
    found = [position for position in (folded.find(mark, start, end) for mark in ",;。、") if position >= 0]
    return min(found, default=end)


def _threshold_name(text: str, start: int, end: int, noun: str) -> str:
    """新引进5,000万元以上项目: the threshold is the size of the (newly introduced) projects."""
    before = _LEADING.sub("", text[start:end]) if _LEADING.match(text[start:end]) else text[start:end]
    measure = _BOUND_MEASURE.search(fold(before))
    if measure:  # 营业收入超10亿元的企业: the bound is of the companies' revenue
        return f"{noun}{before[measure.start('measure'):measure.end('measure')]}"
    return f"{before.strip()}{noun}规模" if len(before.strip()) <= 6 else f"{noun}规模"


_BOUND_MEASURE = re.compile(r"(?P<measure>[\u4e00-\u9fff]{0,4}(?:收入|营收|产值|销售额|税收|利润|投资|投资额|规模))"
                            r"(?:超过|超|过|逾|达到|达|在)?\s*$")


def _counted_noun(subject: str, figures: list[Figure], threshold: bool) -> str:
    """The noun a figure counts, as a later generic head (投资) names it: without a light verb
    (实施) or a size threshold inside it (新引进5,000万元以上项目 → 新引进项目)."""
    noun = subject
    for figure in figures[-3:]:
        if figure.kind == "other" and figure.raw and figure.raw in noun:
            noun = noun.replace(figure.raw, "")
    return _LIGHT_VERBS.sub("", noun)


def _is_threshold(folded: str, candidate: _Candidate) -> bool:
    """5,000万元以上项目: a size bound qualifying the noun right after it, not a figure of its own."""
    after = folded[candidate.end:candidate.end + 1]
    if after == "的" and _COUNTED_BEYOND.match(folded, candidate.end):
        # 营业收入超10亿元的企业达到56家, 投资亿元以上的项目32个: the bound of the things counted next
        return folded[candidate.start:candidate.end].endswith(("以上", "以下")) \
            or folded[max(0, candidate.start - 2):candidate.start].endswith(("超", "超过", "过", "逾", "达"))
    return folded[candidate.start:candidate.end].endswith(("以上", "以下")) and bool(re.match(r"[\u4e00-\u9fff]", after)) \
        and after not in "的和及与或"


_COUNTED_BEYOND = re.compile(r"的[\u4e00-\u9fff“”]{1,10}?(?:达到|达|有|共|为|增至|增加到)?\d+(?:\.\d+)?\s?(?:万|千)?[个家项户所座名条]")


def _kind(candidate: _Candidate, folded: str, prefix: str, subject: str, change_word: str | None) -> str:
    unit, raw_end = candidate.unit, candidate.end
    if unit == "倍":
        return "ratio"
    if _STREAK.search(prefix) or _GAP.search(prefix):
        return "other"
    raw = folded[candidate.start:raw_end]
    if _is_threshold(folded, candidate):
        return "other"  # 5000万元以上项目: a threshold that qualifies what follows
    if unit in _DURATION_UNITS or (unit in ("天", "日") and raw.endswith("内")):
        return "other"  # 3年左右的努力, 1天内: durations
    if change_word or (unit in ("%", "个百分点") and _RATE_OF_CHANGE.search(fold(subject))):
        return "change"  # 增长5%; and a rate of change named as such (增速, 涨幅)
    if unit in ("%", "成", "‰") or _SHARE_INDICATOR.search(fold(subject)):
        return "share" if unit in ("%", "成", "‰", "") else "level"
    if unit in ("个百分点", "百分点"):
        return "other"
    return "level"


def section_tense(path: str, report_year: int | None = None) -> bool | None:
    """True for a part of the report that plans (its figures set targets), False for one that
    reviews, None when the headings do not say. The top-level heading decides, and in it review
    words win (一、2023年工作回顾 reviews, though it names a year); a sub-heading decides only
    under a neutral top. A heading with neither, naming only years, plans when they are the
    report's or later (三、全力以赴做好2024年工作, 二、乘势而上的2024年) and reviews when earlier
    (the top-level heading's years only)."""
    for depth, heading in enumerate(fold(path).split(" > ")):
        if REVIEW_HEADING.search(heading):
            return False
        if PLAN_HEADING.search(heading):
            return True
        # (a part's years only: （一）巩固2023年成果 under a plan's neutral top still plans)
        named = years_named(with_arabic_years(heading)) if report_year and depth == 0 else []
        if named:
            if min(named) >= report_year:
                return True
            if max(named) < report_year:
                return False
    return None


# A time frame opening a sentence: a plan period (“十五五”期间, 十五五时期), a year to reach (到2030年), the
# years to come (今后五年).
_FRAME = re.compile(r"^\s*(?:在|到)?[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期)|^\s*到((?:19|20)\d{2})年|"
                    r"^\s*(?:今后|未来)(?:五|5)年")
_PAST_WORDS = re.compile(r"过去|已经|已|完成了|实现了")
# The last year of each five-year plan: 十一五 ends in 2010, 十五五 in 2030.
_PLAN_END = {digit: 2005 + 5 * value for value, digit in enumerate("一二三四五六七八九", start=1)}


def _ahead_frame(sentence: str, report_year: int | None) -> bool:
    """The sentence opens with a time frame still ahead of the report (a plan not yet over, a year
    after the report's); without the report's year, only the years to come are surely ahead."""
    frame = _FRAME.match(sentence)
    if not frame:
        return False
    if frame.group(1):
        return bool(report_year) and _PLAN_END[frame.group(1)] >= report_year
    if frame.group(2):
        return bool(report_year) and int(frame.group(2)) > report_year
    return True


def _is_target(sentence: str, clause: str, section_default: bool | None, report_year: int | None) -> bool:
    if section_default is False:
        # A review reports what was achieved; only a clause restating a target sets one
        # (坚持年初确定的增长6.5%的预期目标…, 全年增长4.3%: the 4.3% is achieved). 预计 is an estimate.
        return bool(_TARGET_MARKERS.search(clause))
    if _ahead_frame(sentence, report_year) and not _PAST_WORDS.search(sentence):
        return True  # “十五五”期间，…年均增长6%以上; 到2030年…: a plan's average, not one achieved
    if _ACHIEVED_MARKERS.search(sentence) and not _TARGET_MARKERS.search(sentence):
        return False
    if _TARGET_MARKERS.search(sentence) or (section_default is not False and _WEAK_TARGET_MARKERS.search(sentence)):
        return True
    if report_year:
        years = years_named(sentence)
        if years and all(year < report_year for year in years):
            return False
        if years and any(year > report_year for year in years):
            return True
    return bool(section_default)
