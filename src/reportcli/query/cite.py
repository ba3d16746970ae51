"""`cite`: one paragraph as a ready quotation, with the report's title, section path and source."""
from __future__ import annotations

from reportcli.index.store import Store
from reportcli.query.common import ReportFilter
from reportcli.query.outline import resolve_paragraph
from reportcli.record import Record

# Quotation marks inside a quotation alternate: “…‘…’…” (and ‘’ already inside become “”).
_INNER_QUOTES = str.maketrans({"“": "‘", "”": "’", "‘": "“", "’": "”"})


class Citation(Record):
    report: str
    paragraph: int
    section: str
    text: str
    title: str | None
    source: str | None
    file: str | None  # the file the report was built from (a dataset for a row)
    line: int | None  # a dataset row: its line in `file`
    citation: str  # the quotation as one line of text, ready to paste


def cite(store: Store, reference: str, selection: ReportFilter | None = None) -> Citation:
    report, paragraph_id = resolve_paragraph(store, reference, selection)
    section_id, text = store.paragraph(report, paragraph_id)
    section = store.section_path(report.ord, section_id)
    parts = [f"《{report.title}》" if report.title else report.id]
    if section:
        parts.append(section.replace(" > ", "，"))
    parts.append(f"第{paragraph_id}段")
    where = "，".join(parts)
    # Without a URL the source is the file it was read from (a dataset: the file and the row's line).
    origin = report.source or (f"{report.file}第{report.line}行" if report.line else None)
    tail = "".join(f"。{label}：{value}" for label, value in (("发布日期", report.published), ("来源", origin))
                   if value)
    return Citation(report=report.id, paragraph=paragraph_id, section=section, text=text, title=report.title,
                    source=report.source, file=report.file, line=report.line,
                    citation=f"“{text.translate(_INNER_QUOTES)}”（{where}{tail}）")
