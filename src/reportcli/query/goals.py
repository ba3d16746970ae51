"""`goals`: the targets reports set, headline targets first; with --check, what the next year's
report of the same region says happened (query.outcomes) and whether the target was met.

How a target is judged against its outcome (README, `goals --help`):
- `>=` met when the outcome is at least the target; `<=` when at most.
- `about` (左右): met when the outcome is no more than ABOUT_POINTS percentage points (for a
  target in %) or ABOUT_SHARE of the target (otherwise) on the wrong side of it. Which side is
  wrong follows the indicator: below for growth, jobs, output, reductions; above for prices,
  unemployment, deficits (`better` in data/indicators.toml; by wording when it has no code).
- `range` (6%-6.5%): met when the outcome reaches the lower bound (the upper one for prices…).
- `=` (a bare figure): met when the outcome is at least the target (at most, for prices…).

Each row also carries its report's year and region, and for a headline target with an indicator
code, `parent_target`: the headline target of the same code in the report of the parent region
(浙江省 → 全国, 杭州市 → 浙江省) for the same year, when the index holds it; `gap` is this target's
value minus the parent's. A range's value is its lower bound (5%-5.5% against 5%: gap 0), so a
gap compares lower bounds; `low`/`high` of both are in the row for other comparisons.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reportcli.index.store import Store
from reportcli.models import CheckedGoal, Goal, Outcome, PanelGoal, ParentTarget
from reportcli.query.common import ReportFilter, select_reports
from reportcli.text import fold

ABOUT_POINTS = 0.2  # 5%左右 is met by 4.8% growth, not by 4.7%
ABOUT_SHARE = 0.02  # 1200万人左右 is met by 1176万
# Indicators where less is better, recognised by wording when they have no code. (Patterns on
# the query path stay strings, compiled by `re` on first use: most queries never need them.)
_LOWER_IS_BETTER = (r"失业率|价格|涨幅|物价|赤字|负债率|杠杆率|浓度|能耗总量|排放总量|发生率|死亡率|事故")


def goals(store: Store, query: str | None = None, selection: ReportFilter | None = None, main_only: bool = False,
          check: bool = False, code: str | None = None) -> list[Goal]:
    return list(iter_goals(store, query, selection, main_only, check, code))


def iter_goals(store: Store, query: str | None = None, selection: ReportFilter | None = None,
               main_only: bool = False, check: bool = False, code: str | None = None) -> Iterator[Goal]:
    """The targets `goals` lists, in its order, made as they are read (checked a part of the
    index at a time: a writer that takes them one by one holds a part's targets, not all).
    The selection is checked before the first."""
    from reportcli.query.match import TextMatcher

    matcher = TextMatcher(store, query) if query else None
    # as in metrics: only the targets that may name the query are read, then each is tested
    naming = matcher.narrowing(store) if matcher is not None else None
    reports = select_reports(store, selection)
    parents = _ParentTargets(store)

    def panel_goals() -> Iterator[tuple[object, list[PanelGoal]]]:
        for report, report_rows in store.goals_by_report(reports, main_only=main_only, code=code, naming=naming,
                                                         keep=matcher.contains if matcher is not None else None):
            yield report, [parents.panel(report, row) for row in report_rows]

    if not check:
        return (row for _, report_rows in panel_goals() for row in report_rows)
    return _checked_in_parts(store, panel_goals())


def count_goals(store: Store, selection: ReportFilter | None = None, main_only: bool = False,
                code: str | None = None) -> int:
    """How many targets `goals` lists (checked or not) with no QUERY, counted without making or
    checking them (goals --check --limit 20 over 20,000 reports checked 940,000 to count them)."""
    return store.count_goals(select_reports(store, selection), main_only=main_only, code=code)


def _checked_in_parts(store: Store, found: Iterator[tuple[object, list[PanelGoal]]]) -> Iterator[CheckedGoal]:
    """Each target checked, a part of the reports at a time: the outcomes of a part's following
    reports are read at once (a few statements a code) and let go before the next part's."""
    from reportcli.query.outcomes import in_parts

    for part in in_parts(store, found, CHECKED_AT_ONCE):
        _read_outcomes_ahead(store, part)
        yield from (_checked(store, report, row) for report, report_rows in part for row in report_rows)


CHECKED_AT_ONCE = 500  # reports


def _read_outcomes_ahead(store: Store, found: list) -> None:
    """The following reports' outcomes of every coded target, read a code at a time (answers as
    report by report: outcomes.read_outcomes_ahead)."""
    from reportcli.query.outcomes import next_report, read_outcomes_ahead

    following: dict[str, dict[int, object]] = {}
    for report, report_rows in found:
        for goal in report_rows:
            if goal.value is not None and goal.code is not None:
                other = next_report(store, report, goal.horizon)
                if other is not None:
                    following.setdefault(goal.code, {})[other.ord] = other
    for code, reports in following.items():
        read_outcomes_ahead(store, list(reports.values()), code)


class _ParentTargets:
    """Each headline target beside its parent region's (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._reports: dict[tuple[str, int], list] | None = None
        self._targets: dict[tuple[int, str], Goal | None] = {}

    def panel(self, report, goal: Goal) -> PanelGoal:
        parent = self._parent_goal(report, goal) if goal.main and goal.code and goal.value is not None else None
        target = ParentTarget(report=parent.report, raw=parent.raw, value=parent.value, comparator=parent.comparator,
                              low=parent.low, high=parent.high) if parent else None
        gap = None
        if parent is not None and parent.value is not None and parent.unit == goal.unit:
            difference = round(goal.value - parent.value, 6)
            gap = int(difference) if float(difference).is_integer() else difference
        return PanelGoal._extending(goal, year=report.year, region=report.region, region_code=report.region_code,
                                    parent_target=target, gap=gap)

    def _parent_goal(self, report, goal: Goal) -> Goal | None:
        if report.year is None or not report.parent or report.level == "national":
            return None
        if self._reports is None:
            self._reports = {}
            for other in self.store.reports():
                if other.year is not None and other.region:
                    self._reports.setdefault((other.region, other.year), []).append(other)
        for parent in self._reports.get((report.parent, report.year), []):
            key = (parent.ord, goal.code)
            if key not in self._targets:
                found = [row for row in self.store.goals(parent, main_only=True, code=goal.code) if row.value is not None]
                self._targets[key] = found[0] if found else None
            if self._targets[key] is not None:
                return self._targets[key]
        return None


def _checked(store: Store, report, goal: PanelGoal) -> CheckedGoal:
    from reportcli.query.outcomes import goal_outcome, signed

    figure, period, following = goal_outcome(store, goal, report)
    if figure is None:
        return CheckedGoal._extending(goal, status="unknown", outcome=None,
                                      note=_unknown_because(goal, report, period, following))
    # signed against the target: 下降3.5% is -3.5 against a growth target, +3.5 against a reduction
    value = signed(figure, goal.direction)
    outcome = Outcome(report=figure.report, paragraph=figure.paragraph, raw=figure.raw,
                      value=int(value) if float(value).is_integer() else value, unit=figure.unit,
                      indicator=figure.indicator)
    status = "met" if met(goal, value) else "missed"
    return CheckedGoal._extending(goal, status=status, outcome=outcome, note=None)


def _unknown_because(goal: Goal, report, period: int | None, following) -> str:
    if goal.value is None:
        return "a qualitative target: no figure to check"
    if period is None or not report.region:
        return "the report's year or region is unknown"
    if following is None:
        return f"no {period + 1} report of {report.region} in this index"
    return f"the {period + 1} report ({following.id}) states no outcome for it"


def lower_is_better(goal: Goal) -> bool:
    better = _better().get(goal.code) if goal.code else None
    if better:
        return better == "lower"
    return bool(re.search(_LOWER_IS_BETTER, fold(goal.indicator))) and goal.direction != "down"


def met(goal: Goal, outcome: float) -> bool:
    """Whether an outcome meets a target (see the module docstring for each comparator)."""
    value = goal.value
    lower = lower_is_better(goal)
    if goal.comparator == ">=":
        return outcome >= value
    if goal.comparator == "<=":
        return outcome <= value
    if goal.comparator == "range":
        low = goal.low if goal.low is not None else value
        high = goal.high if goal.high is not None else value
        return outcome <= high if lower else outcome >= low
    if goal.comparator == "about":
        tolerance = ABOUT_POINTS if goal.unit in ("%", "个百分点", "‰") else abs(value) * ABOUT_SHARE
        return outcome <= value + tolerance if lower else outcome >= value - tolerance
    return outcome <= value if lower else outcome >= value


@lru_cache(maxsize=1)
def _better() -> dict[str, str]:
    """code → which way is better, from the curated table (read on first use: only --check needs it)."""
    from reportcli.resources import INDICATORS, read_data_toml

    return {entry["code"]: entry["better"] for entry in read_data_toml(INDICATORS)["indicator"]}
