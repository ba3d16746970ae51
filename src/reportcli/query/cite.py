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
    title: str | None  # the report's title, or YYYY年<region>政府工作报告 when the text gives none
    year: int | None
    date: str | None  # the meeting date, ISO
    source: str | None
    file: str | None  # the file the report was built from (a dataset for a row)
    line: int | None  # a dataset row: its line in `file`
    citation: str  # the quotation as one line of text, ready to paste


def cite(store: Store, reference: str, selection: ReportFilter | None = None) -> Citation:
    report, paragraph_id = resolve_paragraph(store, reference, selection)
    section_id, text = store.paragraph(report, paragraph_id)
    section = store.section_path(report.ord, section_id)
    title = citation_title(report)
    parts = [f"《{title}》" if title else report.id]
    when = _chinese_date(report.date) or (f"{report.year}年" if report.year else None)
    if when:
        parts.append(when)
    if section:
        parts.append(section.replace(" > ", "，"))
    parts.append(f"第{paragraph_id}段")
    where = "，".join(parts)
    # Without a URL the source is the file it was read from (a dataset: the file and the row's line).
    origin = report.source or (f"{report.file}第{report.line}行" if report.line else None)
    tail = "".join(f"。{label}：{value}" for label, value in (("发布日期", report.published), ("来源", origin))
                   if value)
    return Citation(report=report.id, paragraph=paragraph_id, section=section, text=text, title=title,
                    year=report.year, date=report.date, source=report.source, file=report.file, line=report.line,
                    citation=f"“{text.translate(_INNER_QUOTES)}”（{where}{tail}）")


_BARE_TITLES = {"政府工作报告", "政府工作報告", "《政府工作报告》"}


def citation_title(report) -> str | None:
    """The title to cite: the report's own, unless it names no one (a bare 政府工作报告) and the
    year and region are known: then 2024年浙江省政府工作报告 (国务院政府工作报告 for the nation)."""
    bare = not report.title or report.title.strip() in _BARE_TITLES
    if bare and report.year and report.region:
        who = "国务院" if report.level == "national" else report.region
        return f"{report.year}年{who}政府工作报告"
    return report.title


def _chinese_date(iso: str | None) -> str | None:
    if not iso:
        return None
    parts = [int(part) for part in iso.split("-")]
    return "".join(f"{value}{unit}" for value, unit in zip(parts, "年月日"))

