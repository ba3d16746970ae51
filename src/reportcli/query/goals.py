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
"""
from __future__ import annotations

import re
from functools import lru_cache

from reportcli.index.store import Store
from reportcli.models import CheckedGoal, Goal, Outcome
from reportcli.query.common import ReportFilter, select_reports
from reportcli.text import fold

ABOUT_POINTS = 0.2  # 5%左右 is met by 4.8% growth, not by 4.7%
ABOUT_SHARE = 0.02  # 1200万人左右 is met by 1176万
# Indicators where less is better, recognised by wording when they have no code. (Patterns on
# the query path stay strings, compiled by `re` on first use: most queries never need them.)
_LOWER_IS_BETTER = (r"失业率|价格|涨幅|物价|赤字|负债率|杠杆率|浓度|能耗总量|排放总量|发生率|死亡率|事故")


def goals(store: Store, query: str | None = None, selection: ReportFilter | None = None, main_only: bool = False,
          check: bool = False, code: str | None = None) -> list[Goal]:
    from reportcli.query.match import TextMatcher

    matcher = TextMatcher(store, query) if query else None
    rows: list[Goal] = []
    for report in select_reports(store, selection):
        report_rows = store.goals(report, main_only=main_only, code=code)
        if matcher is not None:
            report_rows = [row for row in report_rows if matcher.contains(row.indicator, row.text)]
        if check:
            report_rows = [_checked(store, report, row) for row in report_rows]
        rows.extend(report_rows)
    return rows


def _checked(store: Store, report, goal: Goal) -> CheckedGoal:
    from reportcli.query.outcomes import goal_outcome, signed

    figure, _ = goal_outcome(store, goal, report)
    if figure is None:
        return CheckedGoal(**vars(goal), status="unknown", outcome=None)
    # signed against the target: 下降3.5% is -3.5 against a growth target, +3.5 against a reduction
    value = signed(figure, goal.direction)
    outcome = Outcome(report=figure.report, paragraph=figure.paragraph, raw=figure.raw,
                      value=int(value) if float(value).is_integer() else value, unit=figure.unit,
                      indicator=figure.indicator)
    status = "met" if met(goal, value) else "missed"
    return CheckedGoal(**vars(goal), status=status, outcome=outcome)


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
