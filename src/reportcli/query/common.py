"""What every query shares: resolving --report ids and reading section paths."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from reportcli.errors import UsageError
from reportcli.text import fold


@dataclass(frozen=True)
class ReportRef:
    ord: int
    id: str
    first_rowid: int
    paragraphs: int


def select_reports(connection: sqlite3.Connection, ids: list[str] | None) -> list[ReportRef]:
    """The reports a query covers: those named by --report, else all; unknown ids are errors."""
    rows = connection.execute("SELECT ord, id, first_rowid, paragraphs FROM reports ORDER BY ord").fetchall()
    refs = [ReportRef(*row) for row in rows]
    if not ids:
        return refs
    by_id = {ref.id: ref for ref in refs}
    unknown = [report_id for report_id in ids if report_id not in by_id]
    if unknown:
        raise UsageError(f"unknown report id: {unknown[0]} (list them with `reportcli reports`)")
    return [by_id[report_id] for report_id in dict.fromkeys(ids)]


def section_paths(connection: sqlite3.Connection, report_ord: int) -> dict[int, tuple[str, str]]:
    """section id → (dotted number, path) for one report."""
    return {row[0]: (row[1], row[2]) for row in connection.execute(
        "SELECT id, number, path FROM sections WHERE report = ?", (report_ord,))}


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
