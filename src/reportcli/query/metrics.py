"""`metrics`: every figure the index holds, filtered and sorted.

QUERY matches a figure's indicator or context: exact (width, script and case folded), then
toneless pinyin (through the index vocabulary, as search does), then rapidfuzz similarity.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from reportcli.errors import UsageError
from reportcli.query.common import matching_sections, plain_value, select_reports
from reportcli.text import fold

KINDS = ("level", "change", "share", "rank", "ratio", "other")
_SCALE_PREFIX = re.compile(r"^(万亿|亿|万|千|百)(?!瓦|米|克|升|伏|卡|分点)")


@dataclass(frozen=True)
class MetricRow:
    report: str
    paragraph: int
    section: str
    raw: str
    value: int | float | None
    unit: str
    approx: str | None
    indicator: str
    kind: str
    target: bool
    context: str
    start: int
    end: int
    low: int | float | None
    high: int | float | None


def base_unit(unit: str) -> str:
    """What users type (亿元, 万人, ％) → the unit the index stores (元, 人, %)."""
    folded = fold(unit.strip())
    if folded in ("百分比", "percent", "pct"):
        return "%"
    return _SCALE_PREFIX.sub("", folded)




def query_matcher(connection: sqlite3.Connection, query: str):
    """(predicate over (indicator, context), folded needle) for a QUERY typed as text or toneless pinyin."""
    from reportcli.query.search import Vocabulary, pinyin_phrases

    needle = "".join(fold(query).split())
    if not needle:
        raise UsageError("the query is empty")
    needles = [needle]
    if re.fullmatch(r"[a-z]{2,60}", needle):
        needles += ["".join(words) for words, _ in pinyin_phrases(needle, Vocabulary(connection))]

    def exact(indicator: str, context: str) -> bool:
        haystack = fold(indicator) + "\n" + fold(context)
        return any(n in haystack for n in needles)

    return exact, needle


def metrics(connection: sqlite3.Connection, query: str | None = None, ids: list[str] | None = None, *,
            unit: str | None = None, kind: str | None = None, section: str | None = None,
            target: bool | None = None, minimum: float | None = None, maximum: float | None = None,
            sort: str = "position") -> list[MetricRow]:
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be one of {', '.join(KINDS)}")
    if sort not in ("position", "value"):
        raise UsageError("--sort must be position or value")
    wanted_unit = base_unit(unit) if unit is not None else None
    rows: list[MetricRow] = []
    for ref in select_reports(connection, ids):
        paths = {sid: path for sid, path in connection.execute(
            "SELECT id, path FROM sections WHERE report = ?", (ref.ord,))}
        allowed = matching_sections(connection, ref.ord, section) if section else None
        sql = ("SELECT paragraph, section, raw, value, unit, approx, indicator, kind, target, context, start, \"end\","
               " low, high FROM figures WHERE report = ?")
        params: list = [ref.ord]
        for column, wanted in (("unit", wanted_unit), ("kind", kind)):
            if wanted is not None:
                sql += f" AND {column} = ?"
                params.append(wanted)
        if target is not None:
            sql += " AND target = ?"
            params.append(int(target))
        if minimum is not None:
            sql += " AND value >= ?"
            params.append(minimum)
        if maximum is not None:
            sql += " AND value <= ?"
            params.append(maximum)
        for (paragraph, section_id, raw, value, unit_, approx, indicator, kind_, target_, context, start, end,
             low, high) in connection.execute(sql + " ORDER BY seq", params):
            if allowed is not None and section_id not in allowed:
                continue
            rows.append(MetricRow(report=ref.id, paragraph=paragraph, section=paths.get(section_id, ""), raw=raw,
                                  value=plain_value(value), unit=unit_, approx=approx, indicator=indicator,
                                  kind=kind_, target=bool(target_), context=context, start=start, end=end,
                                  low=plain_value(low), high=plain_value(high)))
    if query is not None:
        rows = _filter_by_query(connection, rows, query)
    if sort == "value":
        rows.sort(key=lambda row: (row.value is None, -(row.value or 0)))
    return rows


def _filter_by_query(connection: sqlite3.Connection, rows: list[MetricRow], query: str) -> list[MetricRow]:
    exact, needle = query_matcher(connection, query)
    matched = [row for row in rows if exact(row.indicator, row.context)]
    if matched or len(needle) < 3:
        return matched
    from rapidfuzz import fuzz

    # Nothing as typed: forgive a wrong or missing character in the indicator.
    scored = [(fuzz.partial_ratio(needle, fold(row.indicator)), row) for row in rows]
    return [row for score, row in scored if score >= 75]
