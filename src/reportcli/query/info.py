"""`info`: which index a query reads and why, and what it holds."""
from __future__ import annotations

import os
from datetime import datetime, timezone

from reportcli.record import Record


class IndexInfo(Record):
    index: str  # the path in use
    reason: str  # flag / environment / config / bundled
    detail: str  # how the reason was given (--index FILE, $REPORTCLI_INDEX, config.toml path)
    schema_version: int
    size: int  # bytes
    modified: str  # the file's modification time, ISO 8601 (UTC)
    reports: tuple[dict, ...] = ()  # id, year, region, level, paragraphs, figures, goals, terms

    def lines(self) -> list[dict]:
        """The same, as (field, value) rows for a terminal."""
        rows = [("index", self.index), ("chosen by", f"{self.reason} ({self.detail})"),
                ("schema version", self.schema_version), ("size", f"{self.size:,} bytes"), ("modified", self.modified),
                ("reports", len(self.reports))]
        for report in self.reports:
            rows.append(("", f"{report['id']}  {report['year'] or '—'}  {report['region'] or '—'}  "
                             f"{report['paragraphs']} ¶, {report['figures']} figures, {report['goals']} targets, "
                             f"{report['terms']} terms"))
        return [{"field": name, "value": value} for name, value in rows]


def index_info(option: str | None, open_store) -> IndexInfo:
    """What `option` (--index) and the environment select, opened with `open_store()`."""
    from reportcli.config import resolve_index_with_reason

    path, reason, detail = resolve_index_with_reason(option)
    store = open_store()
    stat = os.stat(path)
    reports = []
    for report in store.reports():
        counts = store.counts(report.ord)
        reports.append({"id": report.id, "year": report.year, "region": report.region, "level": report.level,
                        "paragraphs": report.paragraphs, "figures": counts["figures"], "goals": counts["goals"],
                        "terms": counts["terms"]})
    return IndexInfo(index=str(path), reason=reason, detail=detail, schema_version=int(store.meta()["schema_version"]),
                     size=stat.st_size,
                     modified=datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc).isoformat(timespec="seconds"),
                     reports=reports)
