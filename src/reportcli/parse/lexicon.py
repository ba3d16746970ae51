"""Named word lists of report language, in one place: the words that say a section reviews the
past or plans the future, that a sentence sets a target, that a figure changes, that a number
is approximate. Patterns run on folded text (text.fold)."""
from __future__ import annotations

import re

from reportcli.text import fold

# A heading that reviews the past (its figures are achieved) or plans what comes (targets).
# Review words win: 一、2023年工作回顾 is a review even though it names a year.
REVIEW_HEADING = re.compile(r"回顾|过去|成绩|总结|成就|成效|进展情况|工作情况|执行情况|完成情况")
PLAN_HEADING = re.compile(r"安排|任务|目标|计划|建议|部署|展望|思路|重点工作|工作重点|今年|明年|总体要求|主要预期|政策取向")

# Verbs of change: what a figure's indicator ends with when the figure is a growth or a fall.
UP_VERBS = ("增长", "提高", "上涨", "增加", "提升", "扩大", "上升")
DOWN_VERBS = ("下降", "降低", "减少", "压减", "压缩", "缩减", "缩小", "缩短", "削减", "回落", "下滑", "收窄")
CHANGE_VERBS = UP_VERBS + DOWN_VERBS
# Nouns that name a rate of change: a figure after them is a change even without a verb (增速6%).
RATE_OF_CHANGE = ("增速", "增幅", "涨幅", "降幅", "增长率", "增长速度")

# Words that make a figure approximate, before it (约5%) or after it (5%左右), and how.
APPROX_BEFORE = {"超过": "over", "突破": "over", "逾": "over", "超": "over", "多于": "over",
                 # a level crossed (迈上5万亿元台阶, 跨过千亿元大关)
                 "迈上": "over", "跨越": "over", "跨过": "over", "站上": "over", "跃上": "over", "登上": "over",
                 "迈过": "over", "越过": "over", "首破": "over",
                 "将近": "under", "接近": "under", "不到": "under", "不足": "under", "近": "under",
                 "大约": "about", "约": "about", "约有": "about", "约为": "about", "约占": "about"}
APPROX_AFTER = {"左右": "about", "余": "over", "多": "over", "以上": "over", "强": "over",
                "以内": "under", "以下": "under", "之内": "under", "内": "under"}

# Words that make a target a floor or a ceiling (不低于50%, 4.5%以内, 控制在…).
AT_LEAST = re.compile(r"以上|不低于|不少于|(?<!不)超过|突破|(?<!不)高于|(?<!不)多于|至少")
AT_MOST = re.compile(r"以内|以下|不超过|不高于|不多于|控制在|(?<!不)低于|(?<!不)少于|之内|压减至|压缩至|降至|降低到|降低至")
# How firmly a target is set: 确保 (hard) or 力争 (soft).
HARD_WORDS = ("确保", "必须", "坚决", "务必")
SOFT_WORDS = ("力争", "争取", "努力", "力求", "尽力")
# Words that speak of the year the report plans for, and words that look ahead at all.
THIS_YEAR_WORDS = ("今年", "本年", "年度", "明年", "全年")
AHEAD_WORDS = ("今年", "明年", "本年", "要", "将", "力争", "争取", "确保", "目标", "预期", "计划")

# A year named in the text (2023年), a five-year plan (“十四五”), a deadline (到2025年).
YEAR_NAMED = re.compile(r"((?:19|20)\d{2})年")
FIVE_YEAR_PLAN = re.compile(r"“?十([一二三四五六七八九])五”?")
BY_YEAR = re.compile(r"到((?:19|20)\d{2})年")


def years_named(text: str) -> list[int]:
    return [int(year) for year in YEAR_NAMED.findall(text)]


# Where a sentence ends, and where a statement ends: a semicolon joins the statements of one
# sentence (the items of a target list, each with its own subject). Clauses end at commas and
# colons too, never at 、, which lists items inside one clause. Folded text (half-width marks).
SENTENCE_ENDS = "。!?"
STATEMENT_ENDS = SENTENCE_ENDS + ";"
CLAUSE_ENDS = STATEMENT_ENDS + ",:"


# re tries every branch of an alternation at every position of a paragraph; a lookahead on the
# characters a match can start with rejects most positions in one test (the date pass over a
# report's paragraphs ran 5× faster, the rank pass 2.4×: measured on 300 generated reports).
def starting_with(first: str, pattern: str) -> re.Pattern[str]:
    """`pattern` compiled so that a match is only tried where one of `first` (a class body) stands."""
    return re.compile(f"(?=[{first}])(?:{pattern})")


def alternation(words) -> str:
    """A regex alternative of words, longer first (so 压缩至 is tried before 压缩)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_CHANGE_TAIL = re.compile(r"(?:年均|同比|比上年)?(?:" + alternation(CHANGE_VERBS) + r")$")
# The change after an indicator's name, with what it compares with: 地区生产总值同比增长 → 地区生产总值.
CHANGE_TAIL = re.compile(f"(?:同比|比上年|较上年|比去年|较去年|年均|平均)?(?:{alternation(CHANGE_VERBS + RATE_OF_CHANGE)})$")


def goal_indicator(indicator: str) -> str:
    """A figure's indicator without its change verb: direction says that (地区生产总值增长 → 地区生产总值)."""
    folded = fold(indicator)
    tail = _CHANGE_TAIL.search(folded)
    if not tail or tail.start() == 0 or folded[:tail.start()] in _GROWTH_OF_WHAT:
        return indicator  # 经济增长: the growth is the measure (经济 alone names none)
    return indicator[:tail.start()]


_GROWTH_OF_WHAT = {"经济", "全市经济", "全省经济", "全区经济", "全县经济", "国民经济"}
