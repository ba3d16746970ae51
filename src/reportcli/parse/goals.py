"""The targets a report sets (pure): the headline expected targets (主要预期目标) and every other
quantified commitment of its work plan, each with comparator, direction, strength and horizon.

Goals are read from the figures (parse.figures) so that numbers are normalised once: a goal
is a figure whose sentence sets a target, described by the words around it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from reportcli.models import Figure, Goal, Paragraph, Section
from reportcli.parse.indicators import classify
from reportcli.parse.lexicon import (AHEAD_WORDS, AT_LEAST, AT_MOST, BY_YEAR, DOWN_VERBS, FIVE_YEAR_PLAN, HARD_WORDS,
                                     SENTENCE_ENDS, SOFT_WORDS, THIS_YEAR_WORDS, UP_VERBS, YEAR_NAMED, alternation,
                                     goal_indicator, starting_with, years_named)
from reportcli.text import fold, with_arabic_years

# What introduces the year's headline targets; the list follows in the same sentence, in the next
# paragraph, or in the next lines (bullets, numbers, one target a line).
_HEADLINE = starting_with(
    "主预发", r"(?:主要(?:预期)?目标|预期(?:发展)?目标|发展目标)(?:任务)?(?:建议|拟|安排|确定|设定|定)?(?:是|为|如下表?|见下表)?\s*(?:[:]|$)"
    r"|(?:主要(?:预期)?目标|预期目标)(?:建议|拟|安排)?(?:是|为)(?=\S)")
# Reported speech in a news item: 报告提出，今年要…；城镇新增就业… — when it looks ahead; 报告指出，
# 2023年全区实现… reports the review.
_REPORTED = starting_with("政报", r"(?:政府工作)?报告(?:提出|指出|明确|提到|确定|强调)\s*[,:]")
_AHEAD = re.compile(alternation(AHEAD_WORDS))
# A list item line: a bullet or a number before it.
_ITEM_MARK = re.compile(r"^(?:[●•◆◇■□▪▶►○◎★☆※·\-–—]|\d{1,2}\s*[.、)]|\(\d{1,2}\)|[①-⑳])")
# A heading of the report's outline: the list is over.
_OUTLINE_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*(?:、|\.)|\(\s*[一二三四五六七八九十]{1,3}\s*\)|第[一二三四五六七八九十]部分)")
_ANNUAL = re.compile(alternation(THIS_YEAR_WORDS))
_PERIOD = re.compile(r"十[一二三四五六七八九]五|五年|2035|到(?:19|20)\d{2}年")
# Headline indicators: a paragraph naming several of them as targets, after 今年, is the headline
# list even without an anchor phrase (今年要…，城镇新增就业900万人以上，城镇调查失业率6%左右…).
_HEADLINE_CODES = {"gdp_growth", "urban_jobs_new", "unemployment_surveyed", "unemployment_registered", "cpi",
                   "budget_revenue_growth", "energy_intensity", "grain_output", "disposable_income_growth"}
_ITEM_SPLIT = re.compile(r"[;]")
_UP = re.compile(alternation(UP_VERBS))
_DOWN = re.compile(alternation(DOWN_VERBS))
_HARD = re.compile(alternation(HARD_WORDS))
_SOFT = re.compile(alternation(SOFT_WORDS))
# A headline item without a figure is a qualitative target when it states a level or a trend to
# keep or reach: 居民收入稳步增长, 国际收支基本平衡, 进出口稳中提质, 宏观杠杆率基本稳定, 金融风险有效防控,
# 主要污染物排放量继续下降, 守住不发生规模性返贫的底线, 完成上级下达的节能减排任务.
_QUALITATIVE = re.compile(r"稳步增长|同步增长|基本同步|同步$|基本平衡|持平|持续改善|稳中有升|稳中向好|总体稳定|保持稳定|"
                          r"稳定增长|合理增长|相适应|相协调|相匹配|基本匹配|完成.{0,20}(?:任务|目标)|持续提升|明显改善|"
                          r"进一步改善|稳定改善|持续好转|稳定在合理区间|合理区间|基本稳定|稳中提质|促稳提质|量稳质升|提质增效|"
                          r"有效防控|有效防范|有效控制|继续下降|持续下降|稳步提高|稳步提升|不断提高|逐步提高|明显提升|显著提升|"
                          r"只增不减|守住.{0,16}底线|不发生.{0,12}风险|"
                          # a level or trend to keep (持续减少, 合理水平, 温和回升, 保持优良, 正增长), a fit with a
                          # benchmark (与国家调控目标衔接), a comparison with one (增速高于经济增速, 高于全国平均水平)
                          r"持续减少|进一步(?:降低|下降|减少|提高|提升)|合理水平|温和回升|正增长|保持优良|持续优良|"
                          r"衔接$|(?:高于|快于|不低于|低于)(?:经济增速|经济增长|全国|全省|全市|全区|平均水平|国家)|"
                          # a level to reach (研发经费投入强度达到全国平均水平)
                          r"达到(?:全国|全省|全市|全区|国家|省|市)(?:平均|先进|领先)?水平|"
                          r"(?:保持|走在|位居|稳居|处于)(?:全国|全省|全市|全区|西部|东部|中部)(?:前列|领先)")
# Where a qualitative item's subject ends and its predicate begins (宏观杠杆率 | 基本稳定).
_QUALITATIVE_SUBJECT_END = re.compile(r"预计|与上年|达到|走在|位居|稳居|处于|稳步|同步|基本|持平|持续|保持|稳中|总体|稳定|合理|进一步|明显|完成|"
                                      r"有效|继续|不断|逐步|显著|只增不减|相协调|相匹配|温和|实现正|高于|快于|"
                                      r"与国家|与全国")
# Words before a headline item's indicator (1. 今年 力争 全市 …), not part of its name.
_ITEM_LEAD = re.compile(r"^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳]|[一二三四五六七八九十]{1,3}是|[●•◆◇■□▪▶►○◎★☆※·]|——|—|今年|全年|年内|明年|\d{4}年|继续推行|继续|着力|努力|力争|争取|确保|实现|保持|推动|全区|全市|全省|全县|全国|"
                      r"[^,;。]{0,10}?体系,)+")


_QUALIFIES_THE_NUMBER_BEFORE = re.compile(r"以上|以内|以下|之内")


def _read(text: str) -> str:
    """A paragraph as the rules read it: folded, its years in Arabic digits (到二〇二五年 → 到2025年)."""
    return with_arabic_years(fold(text))


def _comparator(figure: Figure, near: str) -> str:
    """From the figure's own qualifier and the words right before it (控制在4.5%以内, 不低于50%)."""
    if figure.low is not None:
        return "range"
    if figure.approx == "about":
        return "about"
    if AT_LEAST.search(near) and not AT_MOST.search(near) or figure.approx == "over":
        return ">="
    if AT_MOST.search(near) or figure.approx == "under":
        return "<="
    return "="


def _first_label(words: str, labelled: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    """The label of the first pattern (in order of precedence) found in the words, if any."""
    return next((label for label, pattern in labelled if pattern.search(words)), None)


_DIRECTIONS = (("down", _DOWN), ("up", _UP))  # 降低增长: a fall wins
_STRENGTHS = (("hard", _HARD), ("soft", _SOFT))  # 确保…力争: the firmer word wins


def _direction(words: str) -> str | None:
    return _first_label(words, _DIRECTIONS)


def _strength(words: str) -> str | None:
    return _first_label(words, _STRENGTHS)


def _horizon(sentence: str, year: int | None, at: int | None = None) -> str | None:
    """The horizon of a target whose clause names none: a year the sentence sets it for
    (到2025年) — the last one before the target at offset `at` in the sentence (到2025年，…；到2027年，
    城镇化率达到70%: 2027), else any — else the report's year. A plan mentioned nearby
    (今年是“十四五”开局之年) is not it."""
    opening = _PERIOD_OPENING.match(sentence)
    if opening:  # “十四五”期间，力争…: a time frame that opens the sentence governs it
        return f"十{opening.group(1)}五"
    before = [match.group(1) for match in BY_YEAR.finditer(sentence, 0, at)] if at is not None else []
    by_year = BY_YEAR.search(sentence)
    if before or by_year:
        return before[-1] if before else by_year.group(1)
    return str(year) if year else None


_PERIOD_OPENING = re.compile(r"^\s*(?:在|到)?[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|末|期末)")


def _list_horizon(intro: str, year: int | None) -> str | None:
    """The horizon of a headline list from the words that introduce it: the year (今年, 2024年),
    or the plan period of a five-year list (“十四五”时期主要目标是…)."""
    if not _ANNUAL.search(intro) and not (year and f"{year}年" in intro):
        five_year = FIVE_YEAR_PLAN.search(intro)
        if five_year:
            return f"十{five_year.group(1)}五"
        by_year = BY_YEAR.search(intro)
        if by_year:
            return by_year.group(1)
    named = YEAR_NAMED.search(intro)
    return named.group(1) if named and _ANNUAL.search(intro) is None else str(year) if year else None


# A figure's sentence and clause are looked for this far on each side: a paragraph without
# punctuation (a page flattened to one line) must cost time linear in its length.
WINDOW = 300


def _sentence_of(folded: str, start: int, end: int) -> tuple[int, int]:
    low, high = max(0, start - WINDOW), min(len(folded), end + WINDOW)
    # The whole sentence, over its ;-separated statements: a target list's anchor
    # (主要预期目标是) opens the sentence whose statements are the items.
    left = max(folded.rfind(mark, low, start) for mark in SENTENCE_ENDS)
    rights = [folded.find(mark, end, high) for mark in SENTENCE_ENDS]
    right = min([r for r in rights if r >= 0], default=high)
    return (left + 1 if left >= 0 else low), right


def extract_goals(paragraphs: list[Paragraph], sections: list[Section], figures: list[Figure],
                  year: int | None) -> list[Goal]:
    """Headline targets first (in text order), then every other quantified commitment."""
    by_paragraph: dict[int, list[Figure]] = {}
    for figure in figures:
        by_paragraph.setdefault(figure.paragraph, []).append(figure)
    headline: list[Goal] = []
    used: set[tuple[int, int]] = set()
    best = None
    lists = []
    for order, (rank, spans, intro) in enumerate(_headline_lists(paragraphs, sections, by_paragraph, year)):
        found: list[Goal] = []
        claimed: set[tuple[int, int]] = set()
        for owner, start, end in spans:
            found.extend(_headline_items(owner, start, end, by_paragraph.get(owner.id, []), year, claimed, intro))
        if not found:
            continue
        # One headline list per report; later mentions explain it. A title or lead that restates
        # one target (今年经济增长预期目标为5%左右) gives way to the whole list after it, unless
        # that list is a five-year one.
        key = (rank == 2, len(found) < 2, rank, order)
        lists.append((key, found))
        if best is None or key < best[0]:
            best = (key, found, claimed)
    if best is not None:
        headline, used = best[1], best[2]
    # A five-year list beside the year's (“十五五”时期主要目标是：…): its qualitative items are
    # targets of the plan, not of the year (its figures are found below, as every target is).
    plan_items = [goal._replace(main=False) for key, found in lists if key[0] and best and key != best[0]
                  for goal in found if goal.value is None and not goal.raw]
    others: list[Goal] = []
    seen = {(goal.indicator, goal.value, goal.horizon) for goal in headline}
    paragraph_of = {p.id: p for p in paragraphs}
    folded_of: dict[int, str] = {}
    previous_ends = _previous_ends(figures)
    for index, figure in enumerate(figures):
        if not figure.target or (figure.paragraph, figure.start) in used or _is_threshold(figure) \
                or _policy_duration(figure):
            continue
        paragraph = paragraph_of[figure.paragraph]
        if paragraph.id not in folded_of:
            folded_of[paragraph.id] = _read(paragraph.text)
        folded = folded_of[paragraph.id]
        start, end = _sentence_of(folded, figure.start, figure.end)
        clause = _clause_span(folded, figure)
        goal = _goal_from_figure(figure, paragraph.text, folded, clause, folded[start:end], year, main=False,
                                 previous_end=previous_ends[index],
                                 horizon=_own_horizon(folded[clause[0]:clause[1]],
                                                      _horizon(folded[start:end], year, figure.start - start)))
        if not goal.indicator or (goal.indicator, goal.value, goal.horizon) in seen:
            continue  # an explanation repeating a headline target is not a second target (a plan's may be)
        others.append(goal)
    if plan_items:
        others = sorted(others + plan_items, key=lambda goal: (goal.paragraph, goal.start))
    return headline + others


def _previous_ends(figures: list[Figure]) -> list[int]:
    """For each figure, where the figure before it in its paragraph ends (0 for the first).
    Figures of a paragraph come in text order and never overlap."""
    ends, paragraph, last_end = [], None, 0
    for figure in figures:
        if figure.paragraph != paragraph:
            paragraph, last_end = figure.paragraph, 0
        ends.append(last_end)
        last_end = max(last_end, figure.end)
    return ends


def _is_threshold(figure: Figure) -> bool:
    """5,000万元以上项目: a size bound on what is counted, not a target of its own."""
    return figure.kind == "other" and figure.raw.endswith(("以上", "以下"))


MAX_ANCHORS = 4  # anchors read in one paragraph (a flattened page may repeat the phrase without end)


def _headline_lists(paragraphs: list[Paragraph], sections: list[Section], by_paragraph: dict[int, list[Figure]],
                    year: int | None):
    """Candidate headline lists as (rank, spans, intro), the year's own list first: a list introduced for
    today (今年…) before one with no time, before a five-year one (“十四五”时期主要目标是…)."""
    candidates = [(_intro_rank(intro, year), index, 0, spans, intro)
                  for index, spans, intro in _headed_lists(paragraphs, sections)]
    for index, paragraph in enumerate(paragraphs):
        folded = _read(paragraph.text)
        # Every anchor of the paragraph: a lead restating one target (…预期目标为增长6%。) may come
        # before the list's own anchor (…主要预期目标是：) in the same paragraph.
        matches = list(islice(_HEADLINE.finditer(folded), MAX_ANCHORS))
        reported = not matches
        if reported:
            match = _REPORTED.search(folded)
            if match and _looks_ahead(folded[match.end():match.end() + 40], year):
                matches = [match]
        for match in matches:
            intro = folded[max(folded.rfind("。", 0, match.start()) + 1, 0):match.end()]
            spans = _headline_spans(paragraphs, index, folded, match.end(), reported=reported, year=year)
            candidates.append((_intro_rank(intro, year), index, match.start(), spans, intro))
        if not matches:
            coded = [f for f in by_paragraph.get(paragraph.id, []) if f.target and f.code in _HEADLINE_CODES]
            if len(coded) >= 2 and "今年" in folded:
                start = folded.find("今年")
                candidates.append((1, index, start, [(paragraph, start, len(folded))], folded[start:start + 2]))
    candidates.sort(key=lambda candidate: candidate[:3])
    return [(rank, spans, intro) for rank, _, _, spans, intro in candidates]


def _headed_lists(paragraphs: list[Paragraph], sections: list[Section]):
    """(index of the first item, spans, heading) of each list under a heading of its own
    (（一）主要预期目标, 【2024年主要预期目标】, 三、2023年主要目标任务): the section's first paragraphs
    while they are items — marked, or short measures with their figures — and none after it ends."""
    for at, section in enumerate(sections):
        title = _read(section.title)
        match = _HEADLINE.search(title) or _YEARS_TARGETS_TITLE.match(title)
        if section.kind != "body" or not match or match.end() != len(title.rstrip()):
            continue
        inside = {section.id}
        for later in sections[at + 1:]:
            if later.level <= section.level:
                break
            inside.add(later.id)
        first = next((index for index, paragraph in enumerate(paragraphs) if paragraph.section in inside), None)
        if first is None:
            continue
        spans = []
        for paragraph in paragraphs[first:first + MAX_HEADED_ITEMS]:
            folded = _read(paragraph.text)
            if paragraph.section not in inside or len(folded) > 400 or _HEADLINE.search(folded):
                break  # a paragraph with an anchor of its own (…主要预期目标是：) is read from it
            if not (_ITEM_MARK.match(folded) or _all_list_sentences(folded)):
                break
            spans.append((paragraph, 0, len(folded)))
        if spans:
            yield first, spans, title


# A heading that names the year's targets in fewer words (【2023年目标】, 今年目标任务)
_YEARS_TARGETS_TITLE = re.compile(r"(?:(?:19|20)\d{2}\s*年|今年|明年)(?:的)?(?:发展|经济社会发展)?目标(?:任务)?\s*$")
MAX_HEADED_ITEMS = 30  # paragraphs a list under its own heading may take


def _all_list_sentences(folded: str) -> bool:
    """A paragraph that is list items to its end (地区生产总值增长7%左右；一般公共预算收入增长6%。)."""
    end = folded.find("。")
    if not _is_list_sentence(folded[:end] if end != -1 else folded):
        return False
    return end == -1 or _list_end(folded, end) >= len(folded.rstrip()) - 1


def _looks_ahead(words: str, year: int | None) -> bool:
    """Words right after 报告提出/指出 that speak of what comes: 今年要…, 2024年…目标 (the report's year)."""
    if _AHEAD.search(words):
        return True
    years = years_named(words)
    return bool(year and years and min(years) >= year)


def _intro_rank(intro: str, year: int | None) -> int:
    if _PERIOD.search(intro) and not _ANNUAL.search(intro):
        return 2
    if _ANNUAL.search(intro) or (year and f"{year}年" in intro):
        return 0
    return 1


def _headline_spans(paragraphs: list[Paragraph], index: int, folded: str, start: int, reported: bool = False,
                    year: int | None = None):
    """(paragraph, start, end) spans that hold the headline list: the rest of the sentence (of
    the paragraph, for reported speech) and, when the paragraph leaves it open (…；) or it ends
    the paragraph, the list's lines in the paragraphs after; or the following paragraphs when the
    anchor ends its own: the next one, then as many as are list items (a bullet or number, or a
    short target line)."""
    paragraph = paragraphs[index]
    if folded[start:].strip(" :，,。"):
        end = folded.find("。", start)
        if reported:
            return [(paragraph, start, len(folded))]
        if end == -1:
            return [(paragraph, start, len(folded))] + _continued_list(paragraphs, index, folded)
        spans = [(paragraph, start, _list_end(folded, end))]
        if spans[0][2] >= len(folded.rstrip()) - 1:
            spans += _list_paragraphs_after(paragraphs, index, year)
        return spans
    spans = []
    marked = None
    for following in paragraphs[index + 1:]:
        text = _read(following.text)
        if _OUTLINE_HEADING.match(text) or (spans and len(text) > 200):
            break
        item = bool(_ITEM_MARK.match(text))
        if spans and marked and not item:
            break  # a bulleted or numbered list ends where its marks do
        if spans and not marked and len(text) > 80:
            break
        if marked is None:
            marked = item
        spans.append((following, 0, len(text)))
        if not marked and text.rstrip().endswith("。") and len(spans) >= 1 and not _ITEM_MARK.match(text):
            if len(text) > 80 or spans[0][0] is following:
                break  # a list written as one sentence in a paragraph of its own
    return spans


def _list_paragraphs_after(paragraphs: list[Paragraph], index: int, year: int | None) -> list[tuple[Paragraph, int, int]]:
    """A list that ends its paragraph may go on in the next ones (a news item's 报告提出，…主要预期目标是：
    生产总值增长6%左右。 | 一般公共预算收入增长5%。城镇新增就业88万人…): each a paragraph of list
    sentences to its end, of this year (报告指出，2023年全省… reports the past)."""
    spans = []
    for following in paragraphs[index + 1:index + 1 + MAX_LIST_SENTENCES]:
        folded = _read(following.text)
        if len(folded) > 200 or _HEADLINE.search(folded) or _OUTLINE_HEADING.match(folded) \
                or _NOT_CONTINUING.search(folded) or _PERIOD.search(folded) \
                or (year and any(named != year for named in years_named(folded))) or not _all_list_sentences(folded):
            break
        spans.append((following, 0, len(folded)))
    return spans


# What a paragraph after the list says instead of going on with it: the past (去年…, 报告指出…), what
# comes later (展望…), or a commitment of its own (力争全年实际使用外资超过200亿美元).
_NOT_CONTINUING = re.compile(r"去年|上年|过去|报告(?:指出|显示|称)|已经|实现了|完成了|展望|"
                             r"^(?:力争|确保|争取|努力|全力|坚决|要|将)")


def _continued_list(paragraphs: list[Paragraph], index: int, folded: str) -> list[tuple[Paragraph, int, int]]:
    """A list whose sentence the paragraph leaves open (…3%左右；) goes on in the next paragraphs
    until its 。 — lines broken at each 。-less item, as copied from a PDF or a web page's <br>."""
    spans = []
    for following in paragraphs[index + 1:index + 1 + MAX_LIST_SENTENCES]:
        if folded.rstrip()[-1:] not in ";,、":
            break
        folded = _read(following.text)
        end = folded.find("。")
        if _OUTLINE_HEADING.match(folded) or len(folded) > 200 \
                or not _is_list_sentence(folded[:end] if end != -1 else folded):
            break
        spans.append((following, 0, len(folded) if end == -1 else _list_end(folded, end)))
    return spans


# A sentence that carries a headline list on after its first 。 (…增长5%左右。居民消费价格涨幅3%左右，
# 城镇调查失业率5.5%以内…): its clauses are items — a short measure with a figure, or a short
# qualitative item — and it does not open with what explains or implements the targets.
_LIST_CLAUSES = re.compile(r"[,;、]")
_NOT_AN_ITEM_LEAD = re.compile(r"^(?:要|坚持|实施|推进|加快|着力|我们|这|在|综合考虑|主要考虑|提出|上述|实现|完成这些|为此|同时|"
                               r"一是|首先|各位代表|当前|今后)")
MAX_LIST_SENTENCES = 4  # sentences a headline list may run on for after its first


def _list_end(folded: str, end: int) -> int:
    """Where a headline list that reaches a 。 at `end` ends: at that 。, or at the last of the
    following sentences of the paragraph that are list items too."""
    for _ in range(MAX_LIST_SENTENCES):
        following = folded.find("。", end + 1)
        sentence = folded[end + 1:following if following != -1 else len(folded)].strip()
        if not sentence or not _is_list_sentence(sentence):
            break
        end = following if following != -1 else len(folded)
    return end


# Fiscal and policy arrangements follow the list in the same paragraph (赤字率拟按3%安排): not its items.
_ARRANGEMENT = re.compile(r"拟|安排|发行|政策|考虑|措施")


def _is_list_sentence(sentence: str) -> bool:
    if _NOT_AN_ITEM_LEAD.match(sentence) or _OUTLINE_HEADING.match(sentence) or _ARRANGEMENT.search(sentence):
        return False
    clauses = [clause.strip() for clause in _LIST_CLAUSES.split(sentence) if clause.strip()]
    items = [clause for clause in clauses if len(clause) <= 40 and (re.search(r"\d", clause) or _QUALITATIVE.search(clause))]
    return bool(clauses) and len(items) * 2 >= len(clauses) + 1


# 完成上级下达的各项目标任务 names no indicator (unlike 完成国家下达的节能减排目标任务, or 单位生产总值能耗
# 完成国家下达的目标任务, which names it before): no target.
_GENERIC_TASKS = re.compile(r"^(?:全面|确保|努力|力争)?完成\S{0,6}?下达的(?:各项|有关|相关)?(?:目标)?任务|^(?:全面|确保)?完成\S{0,6}?下达的各项目标")


def _headline_items(paragraph: Paragraph, start: int, end: int, figures: list[Figure], year: int | None,
                    used: set[tuple[int, int]], intro: str = "") -> list[Goal]:
    folded = _read(paragraph.text)
    goals: list[Goal] = []
    starts = [f.start for f in figures]
    previous_ends = _previous_ends(figures)
    horizon = _list_horizon(intro, year)
    list_strength = _strength(intro)
    position = start
    for item in _ITEM_SPLIT.split(folded[start:end]):
        item_start, item_end = position, position + len(item)
        position = item_end + 1
        for piece_start, piece in _pieces(folded, item_start, item_end):
            piece_end = piece_start + len(piece)
            inside = range(bisect_left(starts, piece_start), bisect_left(starts, piece_end))
            for figure_index in inside:
                figure = figures[figure_index]
                if _is_threshold(figure) or _policy_duration(figure):
                    continue
                clause = _clause_span(folded, figure, bounds=(item_start, item_end))
                if _reports_a_past_year(folded[clause[0]:clause[1]], year):
                    continue  # 地区生产总值增长5.8%（2023年完成）: last year's value beside the target
                goals.append(_goal_from_figure(figure, paragraph.text, folded, clause, folded[item_start:item_end],
                                               year, main=True, previous_end=previous_ends[figure_index],
                                               horizon=_own_horizon(folded[clause[0]:clause[1]],
                                                                    _own_horizon(folded[item_start:clause[0]], horizon)),
                                               list_strength=list_strength))
                used.add((figure.paragraph, figure.start))
            note = _COLUMN_NOTE.search(piece) if not inside else None
            if note:  # 与经济增长同步（2024年目标）: a table's cell, its column named after it
                if _reports_a_past_year(note.group(), year):
                    continue
                piece = piece[:note.start()]
            if not inside and _QUALITATIVE.search(piece.strip().rstrip("。")) \
                    and not _GENERIC_TASKS.search(_ITEM_LEAD.sub("", piece.strip(), count=1)):
                goals.append(_qualitative_goal(paragraph, piece_start, piece, folded[item_start:item_end], year,
                                               horizon=_own_horizon(piece, _own_horizon(folded[item_start:piece_start], horizon)),
                                               list_strength=list_strength))
    return goals


_GROWTH_WORD = re.compile(r"(?:增长|增速|增幅|涨幅|上涨|增长速度)$")
_COLUMN_NOTE = re.compile(r"\((?:(?:19|20)\d{2}年)?[^()]{0,8}(?:目标|完成|预计|计划)\)\s*。?$")
_PAST_VALUE = re.compile(r"((?:19|20)\d{2})年(?:实际)?(?:完成|实现|预计完成|预计|实际)")


def _reports_a_past_year(clause: str, year: int | None) -> bool:
    """A clause inside a headline list that gives an earlier year's value (2023年完成5.8%)."""
    past = _PAST_VALUE.search(clause)
    return bool(past and year and int(past.group(1)) < year)


def _own_horizon(clause: str, default: str | None) -> str | None:
    """A target's horizon: what its own clause names (到2025年, “十四五”期间), else its list's."""
    five_year = FIVE_YEAR_PLAN.search(clause)
    if five_year:
        return f"十{five_year.group(1)}五"
    by_year = BY_YEAR.search(clause)
    return by_year.group(1) if by_year else default


def _pieces(folded: str, start: int, end: int):
    """The comma-separated pieces of a headline item (a comma inside 5,000 does not split; a
    list running on over sentences splits at each 。 too)."""
    position = start
    for mark in re.finditer(r"(?<!\d),|,(?!\d)|。", folded[start:end]):
        yield position, folded[position:start + mark.start()]
        position = start + mark.end()
    yield position, folded[position:end]


_CLAUSE_MARK = re.compile(r"(?<!\d),|,(?!\d)|[;。:!?]")


def _clause_span(folded: str, figure: Figure, bounds: tuple[int, int] | None = None) -> tuple[int, int]:
    """Where the clause around a figure starts and ends (a comma inside 5,000 is no boundary)."""
    low, high = bounds or (0, len(folded))
    low, high = max(low, figure.start - WINDOW), min(high, figure.end + WINDOW)
    left = low
    for mark in _CLAUSE_MARK.finditer(folded, low, figure.start):
        left = mark.end()
    right = next((m.start() for m in _CLAUSE_MARK.finditer(folded, figure.end, high)), high)
    return left, right


_DURATION_VERB = re.compile(r"(?:延长|为期|期限|长达|有效期|保持|稳定)$")


def _policy_duration(figure: Figure) -> bool:
    """再延长30年, 为期3年: how long a policy lasts, not a target to reach."""
    return figure.unit in ("年", "个月", "天") and figure.kind == "other" and bool(
        _DURATION_VERB.search(fold(figure.indicator)) or _DURATION_VERB.search(fold(figure.context).split(
            fold(figure.raw))[0][-4:]))


def _goal_from_figure(figure: Figure, text: str, folded: str, clause: tuple[int, int], sentence: str,
                      year: int | None, main: bool, previous_end: int = 0, horizon: str | None = None,
                      list_strength: str | None = None) -> Goal:
    # The predicate right before the figure, inside its clause and after any earlier figure:
    # 控制在4.5%以内, 降低2.85%, 不低于50% (but not the 以上 of 5,000万元以上项目8个).
    before_start = max(0, figure.start - 6, previous_end)
    for mark in _CLAUSE_MARK.finditer(folded, before_start, figure.start):
        before_start = mark.end()
    before = folded[before_start:figure.start]
    # 以上 and 以内 qualify the number they follow: before this figure they are another's (力争新签约亿元以上项目200个)
    near = _QUALIFIES_THE_NUMBER_BEFORE.sub("", before) + fold(figure.raw)
    clause_words = folded[clause[0]:clause[1]]
    return Goal(
        # a change against last year keeps its own indicator (赤字率比上年提高), never the level's
        paragraph=figure.paragraph, indicator=figure.indicator if figure.basis else goal_indicator(figure.indicator),
        raw=figure.raw, value=figure.value,
        unit=figure.unit, comparator=_comparator(figure, near),
        # 分别增长6%和7.5%: the second figure's verb is the first's, which its indicator carries
        direction=_direction(before) or (_direction(fold(figure.indicator)[-2:]) if figure.kind == "change" else None),
        # A target's own clause says how firm it is (6.5%以上，力争7%: only the 7% is soft), else its list
        # (力争实现以下主要预期目标:…).
        main=main, strength=_strength(clause_words) or (list_strength if main else None),
        low=figure.low, high=figure.high, horizon=horizon or _horizon(sentence, year),
        text=_without_mark(text[clause[0]:clause[1]]), start=figure.start, end=figure.end, code=figure.code,
        name_en=figure.name_en, basis=figure.basis)


# A list item's mark (——, ●, 1., （1）, ①) is no part of its text.
_TEXT_MARK = re.compile(r"^\s*(?:——|—|-|[●•◆◇■□▪▶►○◎★☆※·]|\d{1,2}\s*[.、](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])\s*")


def _without_mark(text: str) -> str:
    return _TEXT_MARK.sub("", text.strip(), count=1).strip()


# A measure set beside another (与/和/同 … 同步, 高于): the first one is what the target is about.
_BESIDE = re.compile(r"^(.{2,16}?)(?:增长|增速|增幅)?(?:与|和|同|要与|要和)(?=.{0,8}(?:增长|增速|增幅))")
# 完成国家下达的节能减排目标任务: the named task is what the target is about.
_TASK_NAMED = re.compile(r"^完成\S{0,6}?下达的(?P<task>\S{2,20}?)(?:目标任务|目标|任务|指标)$")
# 能耗强度和主要污染物排放总量完成…: two measures under one state, the first one coded.
_PAIRED_MEASURES = re.compile(r"^(.{2,16}?)(?:和|与|、|及)")


def _qualitative_goal(paragraph: Paragraph, start: int, piece: str, sentence: str, year: int | None,
                      horizon: str | None = None, list_strength: str | None = None) -> Goal:
    written = paragraph.text[start:start + len(piece)]
    lead = _ITEM_LEAD.match(piece)
    offset = lead.end() if lead else 0
    ends = [match.start() for match in (_QUALITATIVE_SUBJECT_END.search(piece, offset + 2),
                                        _QUALITATIVE.search(piece, offset + 2)) if match]
    labelled = piece.find(":", offset + 2, offset + 24)  # 居民人均可支配收入：与经济增长同步
    if labelled > 0:
        ends.append(labelled)
    indicator = written[offset:min(ends, default=len(piece))].strip()
    task = _TASK_NAMED.match(fold(indicator))
    if task:
        indicator = indicator[task.start("task"):task.end("task")]  # 完成上级下达的节能减排目标 → 节能减排
    comparator = "=" if "持平" in piece else None
    # 地区生产总值增速高于全省平均水平, 居民人均可支配收入增长快于经济增长: a target on the growth
    entry = classify(indicator, "change" if _GROWTH_WORD.search(fold(indicator)) else None, "")
    paired = _BESIDE.match(fold(indicator)) if entry is None else None  # 居民收入增長和經濟增長同步 too
    if paired:
        # 居民收入增长与经济增长同步, 居民收入增速高于经济增速: the target is about the first measure
        entry = classify(paired.group(1), "change", "%")
    elif entry is None and (first := _PAIRED_MEASURES.match(fold(indicator))):
        entry = classify(first.group(1), None, "")
    return Goal(paragraph=paragraph.id, indicator=indicator, raw="", value=None, unit="", comparator=comparator,
                code=entry.code if entry else None, name_en=entry.name_en if entry else None,
                direction=_direction(piece[offset:]), main=True, strength=_strength(piece) or list_strength,
                low=None, high=None, horizon=horizon or _horizon(sentence, year), text=_without_mark(written), start=start,
                end=start + len(piece))
