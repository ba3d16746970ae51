"""`reports`: the indexed reports and their metadata."""
from __future__ import annotations

from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, select_reports
from reportcli.models import ReportMetadata


class ReportInfo(ReportMetadata):
    """A report's metadata and its counts."""

    paragraphs: int
    sections: int
    terms: int
    figures: int
    goals: int
    warnings: list[str]
    format: str  # how the file was read: text / html / markdown / pdf / docx
    inferred: list[str]  # metadata fields read from body cues (我代表国务院, 一、2023年工作回顾) rather than front matter


def list_reports(store: Store, selection: ReportFilter | None = None) -> list[ReportInfo]:
    return [ReportInfo(**{name: getattr(report, name) for name in ReportMetadata._fields},
                       paragraphs=report.paragraphs, warnings=list(report.warnings), format=report.format,
                       inferred=list(report.inferred), **store.counts(report.ord))
            for report in select_reports(store, selection)]
