"""`outline` and `show`: the section tree, and one paragraph with its neighbours."""
from __future__ import annotations

import re
from collections.abc import Iterator

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, select_reports
from reportcli.record import Record


class OutlineEntry(Record):
    report: str
    number: str  # dotted position, what --section takes
    level: int
    label: str  # the heading as written
    section: str  # the path
    kind: str
    paragraph: int | None  # the first paragraph in the section (or its sub-sections)
    paragraphs: int  # paragraphs directly in the section


def outline(store: Store, selection: ReportFilter | None = None) -> list[OutlineEntry]:
    return list(iter_outline(store, selection))


def iter_outline(store: Store, selection: ReportFilter | None = None) -> Iterator[OutlineEntry]:
    """The entries `outline` lists, a report at a time as they are taken (the selection is
    checked before the first): 20,000 reports have ~600,000 sections."""
    reports = select_reports(store, selection)

    def entries() -> Iterator[OutlineEntry]:
        for report in reports:
            counts, firsts = store.section_stats(report)
            sections = store.sections(report.ord)
            for section in sections:
                first = firsts.get(section.id)
                if first is None:  # a bare heading: its text starts in its first sub-section
                    descendants = [firsts[s.id] for s in sections if s.number.startswith(section.number + ".")
                                   and s.id in firsts]
                    first = min(descendants) if descendants else None
                yield OutlineEntry(report=report.id, number=section.number, level=section.level,
                                   label=section.label, section=section.path, kind=section.kind,
                                   paragraph=first, paragraphs=counts.get(section.id, 0))
            store.forget_report(report.ord)

    return entries()


def outline_size(store: Store, selection: ReportFilter | None = None) -> int:
    """How many entries `outline` gives (one a section), counted without making them."""
    reports = select_reports(store, selection)
    if len(reports) == store.report_count():
        return store.execute("SELECT count(*) FROM sections").fetchone()[0]
    ords = sorted(report.ord for report in reports)
    return sum(store.execute(f"SELECT count(*) FROM sections WHERE report IN ({','.join(map(str, ords[at:at + 900]))})"
                             ).fetchone()[0] for at in range(0, len(ords), 900))


class ShownParagraph(Record):
    report: str
    paragraph: int
    section: str
    text: str
    focus: bool  # the paragraph asked for; the others are its neighbours


_REFERENCE = re.compile(r"^(?:(?P<report>.+):)?(?P<paragraph>\d+)$")


def resolve_paragraph(store: Store, reference: str, selection: ReportFilter | None):
    """(report, paragraph id) for a paragraph given as `12` (with one report in scope) or `hailar-2021:12`."""
    match = _REFERENCE.match(reference.strip())
    if not match:
        raise UsageError(f"not a paragraph reference: {reference!r} (use a paragraph id like 12 or REPORT:12)")
    if match.group("report"):
        selection = ReportFilter(ids=(match.group("report"),))
    reports = select_reports(store, selection)
    if len(reports) != 1:
        raise UsageError(f"paragraph {reference} is ambiguous across {len(reports)} reports: add --report ID "
                         "or write it as REPORT:PARAGRAPH")
    report, paragraph_id = reports[0], int(match.group("paragraph"))
    if not 1 <= paragraph_id <= report.paragraphs:
        raise UsageError(f"report {report.id} has paragraphs 1–{report.paragraphs}, not {paragraph_id}")
    return report, paragraph_id


def show(store: Store, reference: str, selection: ReportFilter | None, context: int) -> list[ShownParagraph]:
    if context < 0:
        raise UsageError("--context must be 0 or more")
    report, paragraph_id = resolve_paragraph(store, reference, selection)
    low, high = max(1, paragraph_id - context), min(report.paragraphs, paragraph_id + context)
    return [ShownParagraph(report=report.id, paragraph=pid, section=store.section_path(report.ord, section), text=text,
                           focus=pid == paragraph_id)
            for pid, section, text in store.paragraph_range(report, low, high)]
