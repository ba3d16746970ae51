"""What every query shares: resolving --report ids and reading section paths."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from reportcli.errors import UsageError
from reportcli.text import fold


class ReportRef(NamedTuple):
    """A report's place in the index: its ord, id and contiguous paragraph rowids."""

    ord: int
    id: str
    first_rowid: int
    paragraphs: int


@dataclass(frozen=True)
class ReportFilter:
    """Which reports a query covers: --report ids (repeatable), --region, --year, --level."""

    ids: tuple[str, ...] = ()
    region: str | None = None
    year: int | None = None
    level: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.ids) or self.region is not None or self.year is not None or self.level is not None


LEVELS = ("national", "province", "city", "county")


def select_reports(connection: sqlite3.Connection, selection: ReportFilter | list[str] | None) -> list[ReportRef]:
    """The reports a query covers, in index order; unknown ids and levels are usage errors."""
    if not isinstance(selection, ReportFilter):
        selection = ReportFilter(ids=tuple(selection or ()))
    if selection.level is not None and selection.level not in LEVELS:
        raise UsageError(f"--level must be one of {', '.join(LEVELS)}")
    sql = "SELECT ord, id, first_rowid, paragraphs, region, year, level FROM reports"
    rows = connection.execute(sql + " ORDER BY ord").fetchall()
    if selection.ids:
        by_id = {row[1]: row for row in rows}
        unknown = [report_id for report_id in selection.ids if report_id not in by_id]
        if unknown:
            raise UsageError(f"unknown report id: {unknown[0]} (list them with `reportcli reports`)")
        rows = [by_id[report_id] for report_id in dict.fromkeys(selection.ids)]
    region = fold(selection.region).strip() if selection.region else None
    return [ReportRef(*row[:4]) for row in rows
            if (region is None or (row[4] and region in fold(row[4])))
            and (selection.year is None or row[5] == selection.year)
            and (selection.level is None or row[6] == selection.level)]


def section_paths(connection: sqlite3.Connection, report_ord: int) -> dict[int, tuple[str, str]]:
    """section id → (dotted number, path) for one report."""
    return {row[0]: (row[1], row[2]) for row in connection.execute(
        "SELECT id, number, path FROM sections WHERE report = ?", (report_ord,))}


def plain_value(value: float | None) -> int | float | None:
    """A stored REAL as people write it: 81000000, not 81000000.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def check_limit(limit: int) -> int:
    if limit < 0:
        raise UsageError("--limit must be 0 (all) or a positive number")
    return limit


def matching_sections(connection: sqlite3.Connection, report_ord: int, section: str) -> set[int]:
    """Sections matching --section: a dotted number (3.1 takes 3.1.x too) or words of the path."""
    rows = connection.execute("SELECT id, number, path FROM sections WHERE report = ?", (report_ord,)).fetchall()
    wanted = section.strip()
    if re.fullmatch(r"\d+(\.\d+)*", wanted):
        return {sid for sid, number, _ in rows if number == wanted or number.startswith(wanted + ".")}
    needle = fold(wanted)
    return {sid for sid, _, path in rows if needle in fold(path)}
