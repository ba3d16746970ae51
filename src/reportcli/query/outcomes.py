"""What a report says happened: the achieved figure for one indicator and one year, as `goals
--check` sets it beside a target and `trend` follows it across a corpus.

A report reviews the year before it is delivered. Its outcome for an indicator is the first
figure, in text order, that
- measures that indicator: the same curated code (data/indicators.toml) when the indicator has
  one; otherwise the same unit and kind and a similar name (query.match.SIMILAR);
- is achieved, not a target restated (`target` false: 坚持年初确定的增长6.5%的目标 is not it);
- is in the review part when the report has one (its top-level heading says 回顾, 过去, 成绩…);
- is the year's own figure: not a multi-year average or window (年均, 五年, “十三五”期间, …以来)
  and not said of another year (比2019年增长…).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from reportcli.index.store import Store
from reportcli.models import Figure, Goal
from reportcli.parse.lexicon import CHANGE_TAIL, DOWN_VERBS, REVIEW_HEADING, alternation, years_named
from reportcli.query.match import similarity
from reportcli.text import fold

# Without a code, an outcome's indicator must be named almost as the target's: 单位地区生产总值能耗
# is not 地区生产总值 (rapidfuzz ratio 75), 城镇新增就业 is 新增城镇就业 (a transposition, 83).
SAME_NAME = 80
_WINDOW = re.compile(r"年均|平均增长|平均每年|五年|十年|三年来|两年来|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|以来)|以来|"
                     r"累计|过去\S{0,3}年来|近\S{0,2}年")
_DOWN = re.compile(f"(?:{alternation(DOWN_VERBS)})$")


def review_sections(store: Store, report) -> "SectionRanges | None":
    """The sections under a review heading; None when the report has no such heading."""
    key = ("review", report.ord)
    if key not in store.derived:
        store.derived[key] = None  # no sections: no review heading
        for _, tops in store.top_sections([report.ord]):
            store.derived[key] = _review_in(tops)
    return store.derived[key]


def read_reviews(store: Store, reports: list) -> None:
    """Find the review sections of many reports at once (Store.top_sections), for review_sections."""
    wanted = [report.ord for report in reports if ("review", report.ord) not in store.derived]
    for ord_ in wanted:
        store.derived[("review", ord_)] = None  # no sections: no review heading
    for ord_, tops in store.top_sections(wanted):
        store.derived[("review", ord_)] = _review_in(tops)


def read_outcomes_ahead(store: Store, reports: list, code: str | None = None, figures: dict | None = None) -> None:
    """Read at once what outcome_of reads report by report for many reports: their review
    sections, the achieved figures of `code` (or the `figures` given, ord → list) and the
    sections of those figures' paragraphs. Answers do not change; a query over 20,000 reports
    runs a few dozen statements instead of tens of thousands."""
    if figures is None and code is not None:
        store.read_achieved(reports, code)
        figures = {report.ord: store.achieved(report, code, None) for report in reports}
    read_reviews(store, reports)
    if figures:
        store.read_figure_sections([(report, figures[report.ord]) for report in reports
                                    if figures.get(report.ord) and review_sections(store, report) is not None])


def in_parts(store: Store, found: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    """`found` ((report, rows) pairs) a part of `size` reports at a time; what a part read ahead
    (read_outcomes_ahead) is let go before the next part is read, so memory is that of a part."""
    while part := list(islice(found, size)):
        yield part
        store.forget_read_ahead()


class SectionRanges:
    """Section ids as ranges (start, stop), stop None: to the report's last section. A section's
    subsections follow it with the next ids (parse.sections numbers them in text order), so the
    sections under a top-level heading are the ids from it to the next top-level heading: they
    are known from the top-level headings alone, without the report's whole outline (trend over
    20,000 reports read ~850,000 sections for it)."""
    __slots__ = ("ranges",)

    def __init__(self, ranges: tuple[tuple[int, int | None], ...]):
        self.ranges = ranges

    def __contains__(self, section_id) -> bool:
        return section_id is not None and any(start <= section_id and (stop is None or section_id < stop)
                                              for start, stop in self.ranges)

    def __eq__(self, other) -> bool:
        return isinstance(other, SectionRanges) and self.ranges == other.ranges

    def __repr__(self) -> str:
        return f"SectionRanges({self.ranges!r})"


def _review_in(tops: list[tuple[int, str]]) -> SectionRanges | None:
    """The sections under a review heading, from the report's top-level (id, title) in id order;
    None when no top-level title is a review heading."""
    ranges = tuple((id_, tops[n + 1][0] if n + 1 < len(tops) else None) for n, (id_, title) in enumerate(tops)
                   if REVIEW_HEADING.search(fold(title)))
    return SectionRanges(ranges) if ranges else None


def outcome_of(store: Store, report, *, code: str | None, indicator: str, unit: str, change: bool | None,
               period: int | None, figures: list | None = None) -> Figure | None:
    """The figure `report` gives as the outcome of an indicator for the year `period` (see the
    module docstring). `change` says whether a growth rate (True) or a level (False) is wanted
    for an indicator without a code; None accepts either. `figures`: the report's achieved
    figures of that code and unit when the caller has read them already (a query over many)."""
    if figures is None:
        figures = store.achieved(report, code, unit or None)
    if not figures:
        return None  # most reports of a big index say nothing of a rare indicator: no outline read
    review = review_sections(store, report)
    sections = store.figure_sections(report, figures) if review is not None else {}
    wanted = _base(indicator)
    for figure in figures:
        if figure.value is None or figure.basis is not None:
            continue  # no number, a window's start or a change against last year: not the year's level
        if review is not None and sections.get(figure.paragraph) not in review:
            continue
        if code is None:
            if figure.code is not None and wanted and _base(figure.indicator) != wanted:
                continue
            if change is not None and unit in ("%", "个百分点") and (figure.kind == "change") != change:
                continue  # a growth target is met by a growth rate, not by a level
            if not wanted or similarity(wanted, _base(figure.indicator)) < SAME_NAME:
                continue
        if not _own_year(figure, period):
            continue
        return figure
    return None


def _base(indicator: str) -> str:
    """An indicator without its change verb, folded: what a target and its outcome share."""
    folded = fold(indicator)
    tail = CHANGE_TAIL.search(folded)
    return folded[:tail.start()] if tail and tail.start() > 0 else folded


def _own_year(figure: Figure, period: int | None) -> bool:
    """Is the figure said of one year (the period's), not of several or of another?"""
    clause = fold(figure.context)
    if _WINDOW.search(clause):
        return False
    years = set(years_named(clause))
    return not years or period is None or years == {period}


def with_sign(figure: Figure) -> int | float | None:
    """A change with its sign, as a panel needs it: 地区生产总值下降2.1% is -2.1; any other figure
    is its value."""
    if figure.value is None or figure.kind != "change" or not _falls(figure):
        return figure.value
    return -figure.value


def _falls(figure: Figure) -> bool:
    """Its indicator ends with a verb of decline (下降, 减少, 回落 …)."""
    return _DOWN.search(fold(figure.indicator)) is not None


def signed(outcome: Figure, goal_direction: str | None) -> float:
    """The outcome as a signed number for comparing with a target: 下降5% against a growth
    target is -5; against a reduction target (能耗降低3%) it is +5."""
    value = float(outcome.value)
    falls = _falls(outcome)
    if falls and goal_direction != "down":
        return -value
    if goal_direction == "down" and not falls and outcome.kind == "change" and re.search(
            r"(?:增长|上升|提高|增加)$", fold(outcome.indicator)):
        return -value  # a target to reduce, and the outcome says it rose
    return value


def next_report(store: Store, report, horizon: str | None):
    """The report of the same region delivered the year after the target's year, or None."""
    if not report.region:
        return None
    target_year = int(horizon) if horizon and horizon.isdigit() else report.year
    if target_year is None:
        return None
    key = ("next", report.ord, target_year)  # a report's targets ask for the same report dozens of times
    if key not in store.derived:
        store.derived[key] = next((other for other in store.reports_of(fold(report.region), target_year + 1)
                                   if other.ord != report.ord), None)
    return store.derived[key]


def goal_outcome(store: Store, goal: Goal, report):
    """(the outcome figure, the period, the report it was looked for in) for a quantified goal
    of `report`; None for what is not known."""
    if goal.value is None:
        return None, None, None
    period = int(goal.horizon) if goal.horizon and goal.horizon.isdigit() else report.year
    following = next_report(store, report, goal.horizon)
    if following is None:
        return None, period, None
    change = goal.direction is not None or goal.indicator != _base(goal.indicator)
    return outcome_of(store, following, code=goal.code, indicator=goal.indicator, unit=goal.unit,
                      change=change, period=period), period, following
