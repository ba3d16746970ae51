"""`metrics`: every figure the index holds, filtered and sorted.

QUERY matches a figure's indicator or context (query.match: folded text, toneless pinyin), and
when nothing matches as typed, an indicator within rapidfuzz similarity."""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

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
    _check_kind(kind)
    if sort not in ("position", "value"):
        raise UsageError("--sort must be position or value")
    rows = list(iter_metrics(store, query, selection, unit=unit, kind=kind, section=section, target=target,
                             minimum=minimum, maximum=maximum, code=code))
    if sort == "value":
        rows.sort(key=lambda row: (row.value is None, -(row.value or 0)))
    return rows


def iter_metrics(store: Store, query: str | None = None, selection: ReportFilter | None = None, *,
                 unit: str | None = None, kind: str | None = None, section: str | None = None,
                 target: bool | None = None, minimum: float | None = None, maximum: float | None = None,
                 code: str | None = None) -> Iterator[PanelFigure]:
    """The figures `metrics` lists, in text order, made as they are read (a writer that takes them
    one by one holds a report's figures at a time). Arguments are checked before the first."""
    _check_kind(kind)
    matcher = TextMatcher(store, query) if query is not None else None
    wanted_unit = base_unit(unit) if unit is not None else None
    reports = select_reports(store, selection)
    allowed = check_section(store, reports, section)

    def collect(keep, naming=None) -> Iterator[PanelFigure]:
        for report, figures in store.figures_by_report(reports, unit=wanted_unit, kind=kind, target=target,
                                                       minimum=minimum, maximum=maximum, code=code, keep=keep,
                                                       naming=naming, panel=True):
            if allowed is None:
                yield from figures
                continue
            figure_sections = store.figure_sections(report)
            yield from (figure for figure in figures if figure_sections.get(figure.paragraph) in allowed[report.ord])

    if matcher is None:
        return collect(None)
    # Figures that name the query; else those whose indicator is close to it. A context is part
    # of its paragraph's text, so the figures that may name the query are those of the paragraphs
    # that match it and those whose indicator does (composed names like 第一产业增加值 are in no
    # paragraph); `keep` then decides as before.
    return _first_found(lambda: collect(matcher.contains, matcher.narrowing(store)),
                        lambda: collect(lambda indicator, _context: matcher.close(indicator),
                                        (store.name_ids(matcher.close), None)))


def count_metrics(store: Store, selection: ReportFilter | None = None, *, unit: str | None = None,
                  kind: str | None = None, target: bool | None = None, minimum: float | None = None,
                  maximum: float | None = None, code: str | None = None) -> int:
    """How many figures `metrics` lists with these filters and no QUERY or --section (those are
    tested row by row), counted without making them: a note past --limit over 3.8 million
    figures made every one of them (20,000 reports: 25 s)."""
    return store.count_figures(select_reports(store, selection), unit=base_unit(unit) if unit is not None else None,
                               kind=kind, target=target, minimum=minimum, maximum=maximum, code=code)


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be one of {', '.join(KINDS)}")


def _first_found(*searches) -> Iterator:
    """The rows of the first search (a function giving an iterator) that finds any."""
    for search in searches:
        found = search()
        first = next(found, _NONE)
        if first is not _NONE:
            return chain((first,), found)
    return iter(())


_NONE = object()
