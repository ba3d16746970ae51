"""`metrics`: every figure the index holds, filtered and sorted.

QUERY matches a figure's indicator or context (query.match: folded text, toneless pinyin), and
when nothing matches as typed, an indicator within rapidfuzz similarity."""
from __future__ import annotations

import re

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.models import PanelFigure
from reportcli.query.common import ReportFilter, check_section, select_reports
from reportcli.query.match import TextMatcher
from reportcli.text import fold

KINDS = ("level", "change", "share", "rank", "ratio", "other")
_SCALE_PREFIX = re.compile(r"^(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)(?!瓦|米|克|升|伏|卡|分点)")


def base_unit(unit: str) -> str:
    """What users type (亿元, 万人, ％) → the unit the index stores (元, 人, %)."""
    folded = fold(unit.strip())
    if folded in ("百分比", "percent", "pct"):
        return "%"
    return _SCALE_PREFIX.sub("", folded)


def metrics(store: Store, query: str | None = None, selection: ReportFilter | None = None, *,
            unit: str | None = None, kind: str | None = None, section: str | None = None,
            target: bool | None = None, minimum: float | None = None, maximum: float | None = None,
            code: str | None = None, sort: str = "position") -> list[PanelFigure]:
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be one of {', '.join(KINDS)}")
    if sort not in ("position", "value"):
        raise UsageError("--sort must be position or value")
    matcher = TextMatcher(store, query) if query is not None else None
    wanted_unit = base_unit(unit) if unit is not None else None
    reports = select_reports(store, selection)
    allowed = check_section(store, reports, section)

    def collect(keep, naming=None) -> list[PanelFigure]:
        rows: list[PanelFigure] = []
        for report, figures in store.figures_by_report(reports, unit=wanted_unit, kind=kind, target=target,
                                                       minimum=minimum, maximum=maximum, code=code, keep=keep,
                                                       naming=naming, panel=True):
            if allowed is None:
                rows.extend(figures)
                continue
            figure_sections = store.figure_sections(report)
            rows.extend(figure for figure in figures if figure_sections.get(figure.paragraph) in allowed[report.ord])
        return rows

    if matcher is None:
        rows = collect(None)
    else:  # figures that name the query; else those whose indicator is close to it
        # A context is part of its paragraph's text, so the figures that may name the query are
        # those of the paragraphs that match it and those whose indicator does (composed names
        # like 第一产业增加值 are in no paragraph); `keep` then decides as before.
        rows = collect(matcher.contains, matcher.narrowing(store)) or \
            collect(lambda indicator, _context: matcher.close(indicator), (store.name_ids(matcher.close), None))
    if sort == "value":
        rows.sort(key=lambda row: (row.value is None, -(row.value or 0)))
    return rows
