"""`cite`: one paragraph as a ready quotation, with the report's title, section path and source."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reportcli.query.common import ReportFilter
from reportcli.query.outline import resolve_paragraph


@dataclass(frozen=True)
class Citation:
    report: str
    paragraph: int
    section: str
    text: str
    title: str | None
    source: str | None
    citation: str  # the quotation as one line of text, ready to paste


def cite(connection: sqlite3.Connection, reference: str, selection: ReportFilter | None = None) -> Citation:
    ref, paragraph_id = resolve_paragraph(connection, reference, selection)
    section_id, text = connection.execute("SELECT section, text FROM paragraphs WHERE rowid = ?",
                                          (ref.first_rowid + paragraph_id - 1,)).fetchone()
    row = connection.execute("SELECT path FROM sections WHERE report = ? AND id = ?", (ref.ord, section_id)).fetchone()
    section = row[0] if row else ""
    title, source, published = connection.execute(
        "SELECT title, source, published FROM reports WHERE ord = ?", (ref.ord,)).fetchone()
    parts = [f"《{title}》" if title else ref.id]
    if section:
        parts.append(section.replace(" > ", "，"))
    parts.append(f"第{paragraph_id}段")
    where = "，".join(parts)
    tail = "".join(f"。{label}：{value}" for label, value in (("发布日期", published), ("来源", source)) if value)
    return Citation(report=ref.id, paragraph=paragraph_id, section=section, text=text, title=title, source=source,
                    citation=f"“{text}”（{where}{tail}）")
