"""`compare A B`: what changed between two reports — headline targets side by side, indicators
reported in one and not the other, glossary terms added or dropped."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reportcli.errors import UsageError
from reportcli.parse.goals import goal_indicator
from reportcli.query.common import ReportRef, select_reports
from reportcli.text import fold


@dataclass(frozen=True)
class Difference:
    kind: str  # target / indicator / term
    name: str
    a: str | None  # as report A has it (None: absent)
    b: str | None
    change: str  # raised / lowered / same / changed / new / dropped
    report_a: str
    report_b: str


def _pair(connection: sqlite3.Connection, a: str, b: str) -> tuple[ReportRef, ReportRef]:
    if a == b:
        raise UsageError("compare needs two different reports")
    first, second = select_reports(connection, [a]), select_reports(connection, [b])
    return first[0], second[0]


def _targets(connection: sqlite3.Connection, ref: ReportRef) -> dict[str, tuple[str, float | None, str | None]]:
    rows = connection.execute("SELECT indicator, raw, value, text, comparator FROM goals WHERE report = ? AND main = 1"
                              " ORDER BY seq", (ref.ord,))
    return {fold(indicator): (raw or text, value, comparator) for indicator, raw, value, text, comparator in rows}


def _indicators(connection: sqlite3.Connection, ref: ReportRef) -> dict[str, str]:
    rows = connection.execute("SELECT indicator FROM figures WHERE report = ? AND target = 0 AND indicator != ''"
                              " ORDER BY seq", (ref.ord,))
    found: dict[str, str] = {}
    for (indicator,) in rows:
        found.setdefault(fold(goal_indicator(indicator)), goal_indicator(indicator))
    return found


def compare(connection: sqlite3.Connection, a: str, b: str) -> list[Difference]:
    first, second = _pair(connection, a, b)
    names = {fold(n): n for (n,) in connection.execute(
        "SELECT indicator FROM goals WHERE report IN (?, ?) AND main = 1", (first.ord, second.ord))}
    differences: list[Difference] = []
    targets_a, targets_b = _targets(connection, first), _targets(connection, second)
    for key in list(targets_a) + [k for k in targets_b if k not in targets_a]:
        left, right = targets_a.get(key), targets_b.get(key)
        differences.append(Difference("target", names.get(key, key), left[0] if left else None,
                                      right[0] if right else None, _target_change(left, right), first.id, second.id))
    indicators_a, indicators_b = _indicators(connection, first), _indicators(connection, second)
    for key, name in indicators_a.items():
        if key not in indicators_b:
            differences.append(Difference("indicator", name, "reported", None, "dropped", first.id, second.id))
    for key, name in indicators_b.items():
        if key not in indicators_a:
            differences.append(Difference("indicator", name, None, "reported", "new", first.id, second.id))
    terms_a = [t for (t,) in connection.execute("SELECT term FROM terms WHERE report = ? ORDER BY seq", (first.ord,))]
    terms_b = [t for (t,) in connection.execute("SELECT term FROM terms WHERE report = ? ORDER BY seq", (second.ord,))]
    differences += [Difference("term", t, "defined", None, "dropped", first.id, second.id)
                    for t in terms_a if t not in terms_b]
    differences += [Difference("term", t, None, "defined", "new", first.id, second.id)
                    for t in terms_b if t not in terms_a]
    return differences


def _target_change(left, right) -> str:
    if left is None:
        return "new"
    if right is None:
        return "dropped"
    (raw_a, value_a, comparator_a), (raw_b, value_b, comparator_b) = left, right
    if value_a is None or value_b is None:
        return "same" if raw_a == raw_b else "changed"
    if value_b > value_a:
        return "raised"
    if value_b < value_a:
        return "lowered"
    return "same" if comparator_a == comparator_b else "changed"
