"""`trend`: one indicator's achieved figure in each report, by year (query.outcomes decides
which figure a report gives as the year's outcome). INDICATOR is words of its name or a code
from the curated table (gdp_growth, cpi, urban_jobs_new…)."""
from __future__ import annotations

import re
from collections import Counter

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, select_reports
from reportcli.query.match import SIMILAR, fold_query, similarity
from reportcli.query.metrics import base_unit
from reportcli.query.outcomes import in_parts, outcome_of, read_outcomes_ahead, with_sign
from reportcli.record import Record
from reportcli.text import fold


class TrendPoint(Record):
    report: str
    year: int | None  # the year the report was delivered
    period: int | None  # the year its figure measures: the year before, for a report's review
    region: str | None
    indicator: str
    raw: str
    value: int | float | None
    unit: str
    paragraph: int
    code: str | None
    name_en: str | None
    signed: int | float | None = None  # a change with its sign: 下降2.1% is -2.1 (value stays as written)


def trend(store: Store, indicator: str, selection: ReportFilter | None = None, unit: str | None = None,
          code: str | None = None) -> list[TrendPoint]:
    from reportcli.query.codes import checked_code, is_code

    needle = fold_query(indicator)
    if not needle and code is None:
        raise UsageError("give the indicator to follow, e.g. 地区生产总值 or gdp_growth")
    if code is None and re.fullmatch(r"[a-z][a-z0-9_]+", needle) and (is_code(needle) or "_" in needle):
        code = needle  # trend gdp_growth, trend cpi; a mistyped code (gdp_grwoth) is refused below
    if code is not None:
        code = checked_code(code)
    wanted_unit = base_unit(unit) if unit else None
    points: list[TrendPoint] = []
    reports = select_reports(store, selection)
    # Every report's candidates in one read; a report without any has no point. With a code,
    # its figures; with words, the figures of the indicator names close enough to them (a
    # name's score depends on the name alone, so each is scored once, not once a figure).
    naming = None if code else (store.name_ids(lambda name: _name_score(needle, fold(name)) >= SIMILAR), None)
    found = store.figures_by_report(reports, target=False, code=code, unit=wanted_unit, naming=naming)
    # A part of the reports at a time (memory of a part's candidates, not the index's); for each
    # part at once, not one by one: review sections and the sections of the candidates' paragraphs.
    for part in in_parts(store, found, FOLLOWED_AT_ONCE):
        read_outcomes_ahead(store, [report for report, _ in part], figures={report.ord: figures
                                                                            for report, figures in part})
        for report, figures in part:
            period = report.year - 1 if report.year else None
            if code is not None:
                figure = outcome_of(store, report, code=code, indicator=indicator, unit=wanted_unit or "",
                                    change=None, period=period, figures=figures)
            else:
                figure = _best_named(store, report, needle, period, figures)
            if figure is not None:
                points.append(TrendPoint(report.id, report.year, period, report.region, figure.indicator, figure.raw,
                                         figure.value, figure.unit, figure.paragraph, figure.code, figure.name_en,
                                         with_sign(figure)))
    if points and wanted_unit is None:  # one unit: the one most reports use for this indicator
        common = Counter(point.unit for point in points).most_common(1)[0][0]
        points = [point for point in points if point.unit == common]
    return sorted(points, key=lambda p: (p.year is None, p.year or 0))


FOLLOWED_AT_ONCE = 500  # reports whose candidates trend holds at a time


def _name_score(needle: str, folded: str) -> float:
    """How like the words typed an indicator's (folded) name is: an exact name, then one that
    contains the words (the closer in length, the higher), then a similar one."""
    return 100.0 if folded == needle else 90.0 + len(needle) / max(len(folded), 1) if needle in folded \
        else similarity(needle, folded)


def _best_named(store: Store, report, needle: str, period: int | None, figures: list):
    """Of the report's achieved `figures`, the one whose indicator is named most like the words
    typed (_name_score), the year's own figure first."""
    from reportcli.query.outcomes import _own_year, review_sections

    review = review_sections(store, report)
    sections = store.figure_sections(report, figures) if review is not None else {}
    best = None
    for figure in figures:
        if figure.value is None or figure.basis is not None:
            continue
        score = _name_score(needle, fold(figure.indicator))
        if score < SIMILAR:
            continue
        own = _own_year(figure, period) and (review is None or sections.get(figure.paragraph) in review)
        rank = (own, score)
        if best is None or rank > best[0]:
            best = (rank, figure)
    return best[1] if best else None
