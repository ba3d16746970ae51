"""What every query shares: which reports it covers (--report/--region/--year/--level) and
which sections (--section)."""
from __future__ import annotations

import re

from reportcli.errors import NoResults, UsageError
from reportcli.index.store import Store, plain_value  # noqa: F401 - plain_value is part of this module's API
from reportcli.record import Record
from reportcli.text import fold

LEVELS = ("national", "province", "city", "county")


class ReportFilter(Record):
    """Which reports a query covers: --report ids (repeatable), --region, --year, --level."""

    ids: tuple[str, ...] = ()
    region: str | None = None
    year: int | str | tuple | list | None = None  # a year, a range (2021-2025, 2021-, -2020), or several
    level: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.ids) or self.region is not None or self.year is not None or self.level is not None

    def describe(self) -> str:
        parts = [f"--report {report_id}" for report_id in self.ids]
        years = [] if self.year is None else [self.year] if isinstance(self.year, (int, str)) else list(self.year)
        parts += [f"--region {self.region}"] if self.region is not None else []
        parts += [f"--year {year}" for year in years]
        parts += [f"--level {self.level}"] if self.level is not None else []
        return " ".join(parts)


class NoReportSelected(NoResults):
    """A filter that selects no report: the query answers nothing (exit 1), never the whole index."""


def select_reports(store: Store, selection: ReportFilter | list[str] | None) -> list:
    """The reports (models.ReportRecord) a query covers, in index order. Unknown ids and levels
    are usage errors; a filter that matches no report raises NoReportSelected."""
    if not isinstance(selection, ReportFilter):
        selection = ReportFilter(ids=tuple(selection or ()))
    if selection.level is not None and selection.level not in LEVELS:
        raise UsageError(f"--level must be one of {', '.join(LEVELS)}")
    reports = store.reports()
    if selection.ids:
        reports = list({id(report): report for report in (report_by_id(reports, report_id)
                                                          for report_id in selection.ids)}.values())
    in_region = _RegionTest(selection.region) if selection.region is not None else None
    in_years = year_ranges(selection.year)
    chosen = [report for report in reports
              if (in_region is None or in_region(report))
              and (in_years is None or report.year is not None
                   and any(low <= report.year <= high for low, high in in_years))
              and (selection.level is None or report.level == selection.level)]
    if not chosen and selection.region is not None and in_region.unknown:
        from reportcli.regions import closest_names

        closest = closest_names(selection.region)
        raise UsageError(f"unknown region {selection.region!r} ("
                         + (f"closest: {'、'.join(closest)}; " if closest else "")
                         + "give a name, a short name such as 浙江, or a six-digit code)")
    if not chosen and selection.active:
        raise NoReportSelected(f"no report matches {selection.describe()} ({_what_there_is(store, selection)})")
    return chosen


def report_by_id(reports: list, wanted: str):
    """The report with this id; or, for a year (2024), the one report of that year when the
    index holds exactly one; else a usage error suggesting the closest ids."""
    for report in reports:
        if report.id == wanted:
            return report
    if re.fullmatch(r"\d{4}", wanted.strip()):
        of_year = [report for report in reports if report.year == int(wanted)]
        if len(of_year) == 1:
            return of_year[0]
        if of_year:
            ids = ", ".join(report.id for report in of_year[:6])
            raise UsageError(f"unknown report id: {wanted} ({len(of_year)} reports are of {wanted}: {ids})")
    from difflib import get_close_matches

    closest = get_close_matches(wanted, [report.id for report in reports], n=3, cutoff=0.4)
    hint = f"closest: {', '.join(closest)}; " if closest else ""
    raise UsageError(f"unknown report id: {wanted} ({hint}list them with `reportcli reports`)")


_YEAR_SPEC = re.compile(r"^\s*(\d{4})?\s*(?:(-|–|—|\.\.|:)\s*(\d{4})?)?\s*$")


def year_ranges(spec: int | str | tuple | list | None) -> list[tuple[int, int]] | None:
    """--year as (low, high) ranges: 2024 → (2024, 2024); 2021-2025; 2021- (on); -2020 (up to).
    Several are all taken (--year 2019 --year 2021); a spec that is no year is a usage error."""
    if spec is None:
        return None
    ranges = []
    for item in ([spec] if isinstance(spec, (int, str)) else spec):
        if isinstance(item, int) and not isinstance(item, bool):
            ranges.append((item, item))
            continue
        match = _YEAR_SPEC.match(str(item))
        if not match or not (match.group(1) or match.group(3)):
            raise UsageError(f"--year {item!r} is not a year or a range of years (2024, 2021-2025, 2021-, -2020)")
        low, dash, high = match.groups()
        low_year = int(low) if low else 0
        high_year = int(high) if high else (9999 if dash else low_year)
        if low_year > high_year:
            raise UsageError(f"--year {item}: the range runs backwards")
        ranges.append((low_year, high_year))
    return ranges


class _RegionTest:
    """--region as a name (浙江省), a short name (浙江, 内蒙古), a former name (襄樊) or a code
    (330000): a report matches by its region's code, or by the name as written."""

    def __init__(self, wanted: str) -> None:
        from reportcli import regions

        self.text = fold(wanted).strip()
        if not self.text:
            raise UsageError("--region is empty (give a name such as 浙江省, a short name such as 浙江, or a code)")
        self.national = regions.is_national(self.text)
        self.codes = {division.code for division in regions.candidates(self.text)}
        self.unknown = not self.codes and not self.national

    def __call__(self, report) -> bool:
        if self.national:
            return report.level == "national"
        if report.region_code and report.region_code in self.codes:
            return True
        return bool(report.region) and self.text in fold(report.region)


def _what_there_is(store: Store, selection: ReportFilter) -> str:
    reports = store.reports()
    if not reports:
        return "the index holds no reports"
    if selection.year is not None:
        years = sorted({report.year for report in reports if report.year})
        return f"years in the index: {_span(years)}" if years else "no report in the index has a year"
    if selection.region is not None:
        regions = sorted({report.region for report in reports if report.region})
        shown = "、".join(regions[:8]) + (" …" if len(regions) > 8 else "")
        return f"regions in the index: {shown}" if regions else "no report in the index has a region"
    if selection.level is not None:
        levels = sorted({report.level for report in reports if report.level})
        return f"levels in the index: {', '.join(levels)}" if levels else "no report in the index has a level"
    return f"{len(reports)} reports in the index"


def _span(years: list[int]) -> str:
    if len(years) > 6:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def check_limit(limit: int) -> int:
    if limit < 0:
        raise UsageError("--limit must be 0 (all) or a positive number")
    return limit


def matching_sections(store: Store, report, section: str) -> set[int]:
    """Sections matching --section: a dotted number (3.1 takes 3.1.x too) or words of the path.
    A --section that matches nothing in any selected report is a usage error (see check_section)."""
    wanted = section.strip()
    sections = store.sections(report.ord)
    if re.fullmatch(r"\d+(\.\d+)*", wanted):
        return {s.id for s in sections if s.number == wanted or s.number.startswith(wanted + ".")}
    needle = fold(wanted)
    return {s.id for s in sections if needle in fold(s.path)}


def check_section(store: Store, reports: list, section: str | None) -> dict[int, set[int]] | None:
    """{report ord: allowed section ids} for --section, or None without it; a section that
    exists in none of the reports is a usage error naming the outline."""
    if section is None:
        return None
    if not section.strip():
        raise UsageError("--section is empty (give a number from `reportcli outline`, e.g. 3.1, or heading words)")
    allowed = {report.ord: matching_sections(store, report, section) for report in reports}
    if not any(allowed.values()):
        tops = [f"{s.number} {s.label}" for s in store.sections(reports[0].ord) if s.parent is None][:6] if reports else []
        hint = f"; top-level sections: {'; '.join(tops)}" if tops else ""
        raise UsageError(f"no section matches --section {section!r} (see `reportcli outline`){hint}")
    return allowed
