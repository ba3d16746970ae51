"""`outline` and `show`: the section tree, and one paragraph with its neighbours."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from reportcli.errors import UsageError
from reportcli.query.common import ReportRef, section_paths, select_reports


@dataclass(frozen=True)
class OutlineEntry:
    report: str
    number: str  # dotted position, what --section takes
    level: int
    label: str  # the heading as written
    section: str  # the path
    kind: str
    paragraph: int | None  # the first paragraph in the section (or its sub-sections)
    paragraphs: int  # paragraphs directly in the section


def outline(connection: sqlite3.Connection, ids: list[str] | None = None) -> list[OutlineEntry]:
    entries = []
    for ref in select_reports(connection, ids):
        counts = dict(connection.execute(
            "SELECT section, count(*) FROM paragraphs WHERE report = ? GROUP BY section", (ref.ord,)))
        firsts = dict(connection.execute(
            "SELECT section, min(id) FROM paragraphs WHERE report = ? GROUP BY section", (ref.ord,)))
        rows = connection.execute(
            "SELECT id, number, level, label, path, kind FROM sections WHERE report = ? ORDER BY id",
            (ref.ord,)).fetchall()
        for section_id, number, level, label, path, kind in rows:
            first = firsts.get(section_id)
            if first is None:  # a bare heading: its text starts in its first sub-section
                descendants = [firsts[sid] for sid, n, *_ in rows if n.startswith(number + ".") and sid in firsts]
                first = min(descendants) if descendants else None
            entries.append(OutlineEntry(report=ref.id, number=number, level=level, label=label, section=path,
                                        kind=kind, paragraph=first, paragraphs=counts.get(section_id, 0)))
    return entries


@dataclass(frozen=True)
class ShownParagraph:
    report: str
    paragraph: int
    section: str
    text: str
    focus: bool  # the paragraph asked for; the others are its neighbours


_REFERENCE = re.compile(r"^(?:(?P<report>.+):)?(?P<paragraph>\d+)$")


def resolve_paragraph(connection: sqlite3.Connection, reference: str, ids: list[str] | None) -> tuple[ReportRef, int]:
    """A paragraph given as `12` (with one report in scope) or `hailar-2021:12`."""
    match = _REFERENCE.match(reference.strip())
    if not match:
        raise UsageError(f"not a paragraph reference: {reference!r} (use a paragraph id like 12 or REPORT:12)")
    if match.group("report"):
        ids = [match.group("report")]
    refs = select_reports(connection, ids)
    if len(refs) != 1:
        raise UsageError(f"paragraph {reference} is ambiguous across {len(refs)} reports: add --report ID "
                         "or write it as REPORT:PARAGRAPH")
    ref, paragraph_id = refs[0], int(match.group("paragraph"))
    if not 1 <= paragraph_id <= ref.paragraphs:
        raise UsageError(f"report {ref.id} has paragraphs 1–{ref.paragraphs}, not {paragraph_id}")
    return ref, paragraph_id


def show(connection: sqlite3.Connection, reference: str, ids: list[str] | None, context: int) -> list[ShownParagraph]:
    if context < 0:
        raise UsageError("--context must be 0 or more")
    ref, paragraph_id = resolve_paragraph(connection, reference, ids)
    paths = section_paths(connection, ref.ord)
    low, high = max(1, paragraph_id - context), min(ref.paragraphs, paragraph_id + context)
    rows = connection.execute(
        "SELECT id, section, text FROM paragraphs WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
        (ref.first_rowid + low - 1, ref.first_rowid + high - 1)).fetchall()
    return [ShownParagraph(report=ref.id, paragraph=pid, section=paths.get(section, ("", ""))[1], text=text,
                           focus=pid == paragraph_id) for pid, section, text in rows]
