"""`reports`: the indexed reports and their metadata."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from reportcli.query.common import select_reports


@dataclass(frozen=True)
class ReportInfo:
    id: str
    title: str | None
    region: str | None
    level: str | None
    year: int | None
    date: str | None
    meeting: str | None
    office: str | None
    speaker: str | None
    publisher: str | None
    published: str | None
    source: str | None
    sha256: str
    file: str | None
    paragraphs: int
    sections: int
    terms: int
    figures: int
    goals: int
    warnings: list[str]
    format: str  # how the file was read: text / html / markdown / pdf / docx
    inferred: list[str]  # metadata fields read from body cues (我代表国务院, 一、2023年工作回顾) rather than front matter


def list_reports(connection: sqlite3.Connection, ids: list[str] | None = None) -> list[ReportInfo]:
    results = []
    for ref in select_reports(connection, ids):
        row = connection.execute(
            "SELECT id, title, region, level, year, date, meeting, office, speaker, publisher, published,"
            " source, sha256, file, paragraphs, warnings, format, inferred,"
            " (SELECT count(*) FROM sections s WHERE s.report = r.ord),"
            " (SELECT count(*) FROM terms t WHERE t.report = r.ord),"
            " (SELECT count(*) FROM figures f WHERE f.report = r.ord),"
            " (SELECT count(*) FROM goals g WHERE g.report = r.ord)"
            " FROM reports r WHERE ord = ?", (ref.ord,)).fetchone()
        (report_id, title, region, level, year, date, meeting, office, speaker, publisher, published,
         source, sha256, file, paragraphs, warnings, format_, inferred, sections, terms, figures, goals) = row
        results.append(ReportInfo(
            id=report_id, title=title, region=region, level=level, year=year, date=date, meeting=meeting,
            office=office, speaker=speaker, publisher=publisher, published=published, source=source,
            sha256=sha256, file=file, paragraphs=paragraphs, sections=sections, terms=terms,
            figures=figures, goals=goals, warnings=json.loads(warnings), format=format_, inferred=json.loads(inferred)))
    return results
