"""`trend`: one indicator's achieved figure in each report, by year."""
from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from reportcli.errors import UsageError
from reportcli.query.common import ReportFilter, plain_value, select_reports
from reportcli.query.metrics import base_unit
from reportcli.text import fold

SIMILARITY = 70  # rapidfuzz ratio an indicator needs when it does not contain the query


@dataclass(frozen=True)
class TrendPoint:
    report: str
    year: int | None
    region: str | None
    indicator: str
    raw: str
    value: int | float | None
    unit: str
    paragraph: int


def trend(connection: sqlite3.Connection, indicator: str, selection: ReportFilter | None = None,
          unit: str | None = None) -> list[TrendPoint]:
    from rapidfuzz import fuzz

    needle = "".join(fold(indicator).split())
    if not needle:
        raise UsageError("give the indicator to follow, e.g. 地区生产总值")
    wanted_unit = base_unit(unit) if unit else None
    best: list[tuple[float, TrendPoint]] = []
    for ref in select_reports(connection, selection):
        year, region = connection.execute("SELECT year, region FROM reports WHERE ord = ?", (ref.ord,)).fetchone()
        choice = None
        for paragraph, name, raw, value, unit_ in connection.execute(
                "SELECT paragraph, indicator, raw, value, unit FROM figures WHERE report = ? AND target = 0"
                " AND value IS NOT NULL ORDER BY seq", (ref.ord,)):
            if wanted_unit is not None and unit_ != wanted_unit:
                continue
            folded = fold(name)
            score = 100.0 if folded == needle else 90.0 + len(needle) / max(len(folded), 1) if needle in folded \
                else fuzz.ratio(needle, folded)
            if score >= SIMILARITY and (choice is None or score > choice[0]):
                choice = (score, TrendPoint(ref.id, year, region, name, raw, plain_value(value), unit_, paragraph))
        if choice:
            best.append(choice)
    if not best:
        return []
    if wanted_unit is None:  # one unit: the one most reports use for this indicator
        common = Counter(point.unit for _, point in best).most_common(1)[0][0]
        best = [(score, point) for score, point in best if point.unit == common]
    points = [point for _, point in best]
    return sorted(points, key=lambda p: (p.year is None, p.year or 0))
