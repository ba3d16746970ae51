"""`reports`: the indexed reports and their metadata."""
from __future__ import annotations

from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, select_reports
from reportcli.record import Record


class ReportInfo(Record):
    """A report's metadata (models.ReportRecord without its storage fields) and its counts."""

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


def list_reports(store: Store, selection: ReportFilter | None = None) -> list[ReportInfo]:
    results = []
    for report in select_reports(store, selection):
        results.append(ReportInfo(
            id=report.id, title=report.title, region=report.region, level=report.level, year=report.year,
            date=report.date, meeting=report.meeting, office=report.office, speaker=report.speaker,
            publisher=report.publisher, published=report.published, source=report.source, sha256=report.sha256,
            file=report.file, paragraphs=report.paragraphs, warnings=list(report.warnings), format=report.format,
            inferred=list(report.inferred), **store.counts(report.ord)))
    return results
