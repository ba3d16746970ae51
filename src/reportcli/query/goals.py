"""`goals`: the targets reports set, headline targets first; with --check, what the next year's
report of the same region says happened."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reportcli.parse.goals import goal_indicator
from reportcli.query.common import ReportRef, plain_value, select_reports
from reportcli.text import fold

# An outcome must describe the same indicator: rapidfuzz similarity of the folded names.
OUTCOME_SIMILARITY = 75


@dataclass(frozen=True)
class Outcome:
    report: str
    paragraph: int
    raw: str
    value: int | float | None
    unit: str
    indicator: str


@dataclass(frozen=True)
class GoalRow:
    report: str
    paragraph: int
    section: str
    indicator: str
    raw: str
    value: int | float | None
    unit: str
    comparator: str | None
    direction: str | None
    main: bool
    strength: str | None
    low: int | float | None
    high: int | float | None
    horizon: str | None
    text: str


@dataclass(frozen=True)
class CheckedGoal(GoalRow):
    status: str = "unknown"  # met / missed / unknown
    outcome: Outcome | None = None




def goals(connection: sqlite3.Connection, query: str | None = None, ids: list[str] | None = None,
          main_only: bool = False, check: bool = False) -> list[GoalRow]:
    rows: list[GoalRow] = []
    for ref in select_reports(connection, ids):
        paths = dict(connection.execute("SELECT id, path FROM sections WHERE report = ?", (ref.ord,)))
        sql = ("SELECT paragraph, section, indicator, raw, value, unit, comparator, direction, main, strength, low,"
               " high, horizon, text FROM goals WHERE report = ?" + (" AND main = 1" if main_only else "") +
               " ORDER BY main DESC, seq")
        report_rows = [GoalRow(ref.id, paragraph, paths.get(section, ""), indicator, raw, plain_value(value), unit,
                               comparator, direction, bool(main), strength, plain_value(low), plain_value(high),
                               horizon, text)
                       for (paragraph, section, indicator, raw, value, unit, comparator, direction, main, strength,
                            low, high, horizon, text) in connection.execute(sql, (ref.ord,))]
        if query:
            from reportcli.query.metrics import query_matcher

            matches, _ = query_matcher(connection, query)
            report_rows = [row for row in report_rows if matches(row.indicator, row.text)]
        if check:
            report_rows = _check(connection, ref, report_rows)
        rows.extend(report_rows)
    return rows


def _base(indicator: str) -> str:
    """The indicator without its change verb, folded: what a target and an outcome share."""
    return fold(goal_indicator(indicator))


def _next_report(connection: sqlite3.Connection, ref: ReportRef, horizon: str | None) -> tuple[int, str] | None:
    """The report of the same region for the year after the target's year."""
    region, year = connection.execute("SELECT region, year FROM reports WHERE ord = ?", (ref.ord,)).fetchone()
    if not region:
        return None
    target_year = int(horizon) if horizon and horizon.isdigit() else year
    if target_year is None:
        return None
    for ord_, report_id, other_region in connection.execute(
            "SELECT ord, id, region FROM reports WHERE year = ? AND ord != ?", (target_year + 1, ref.ord)):
        if other_region and fold(other_region) == fold(region):
            return ord_, report_id
    return None


def _check(connection: sqlite3.Connection, ref: ReportRef, rows: list[GoalRow]) -> list[CheckedGoal]:
    from rapidfuzz import fuzz

    checked = []
    for row in rows:
        outcome = None
        following = _next_report(connection, ref, row.horizon) if row.value is not None else None
        if following:
            ord_, report_id = following
            change = row.direction is not None
            best = None
            for paragraph, raw, value, unit, indicator, kind in connection.execute(
                    "SELECT paragraph, raw, value, unit, indicator, kind FROM figures"
                    " WHERE report = ? AND target = 0 AND unit = ?", (ord_, row.unit)):
                if (kind == "change") != change and row.unit in ("%", "个百分点"):
                    continue  # a growth target is met by a growth rate, not by a level
                score = fuzz.ratio(_base(row.indicator), _base(indicator))
                if score >= OUTCOME_SIMILARITY and (best is None or score > best[0]):
                    best = (score, Outcome(report_id, paragraph, raw, plain_value(value), unit, indicator))
            outcome = best[1] if best else None
        status = "unknown" if outcome is None or outcome.value is None else \
            ("met" if _met(row, outcome.value) else "missed")
        checked.append(CheckedGoal(**{**row.__dict__, "status": status, "outcome": outcome}))
    return checked


def _met(goal: GoalRow, outcome: float) -> bool:
    value = goal.value
    if goal.comparator == "range":
        return outcome >= (goal.low if goal.low is not None else value)
    if goal.comparator == ">=":
        return outcome >= value
    if goal.comparator == "<=":
        return outcome <= value
    if goal.comparator == "about":
        tolerance = 0.5 if goal.unit in ("%", "个百分点") else abs(value) * 0.05
        # a growth "about" target is met at or above its lower edge; a price or rate "about" within it
        if goal.direction == "up":
            return outcome >= value - tolerance
        return abs(outcome - value) <= tolerance
    # A bare figure: a reduction or an increase at least as large; a planned amount or count
    # reached or passed (实施重点项目80个 → 82个 is met); a rate the same to a tenth.
    if goal.direction in ("up", "down") or goal.unit not in ("%", "个百分点", "‰"):
        return outcome >= value
    return abs(outcome - value) <= 0.1
