"""`count`: how often each term occurs, per report or per section — the keyword counts
journalists publish every year.

What is counted is what a reader finds with Ctrl-F in the report as indexed: every paragraph,
the glossary's included, and every heading on a line of its own (a heading that opens its
paragraph, （二）精准发力。我们…, is counted once, in the paragraph). Front matter — the title, the
date and meeting line, page fields — is metadata, not counted. Occurrences do not overlap and are
counted after folding width, script and case, as str.count on the folded text would."""
from __future__ import annotations

import re

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, select_reports
from reportcli.query.match import tokens_expression, variants_of
from reportcli.record import Record
from reportcli.text import fold


class CountRow(Record):
    report: str
    term: str
    count: int  # occurrences (width, script and case folded)
    paragraphs: int  # paragraphs containing the term


class SectionCountRow(CountRow):
    section: str = ""


class YearCountRow(Record):
    year: int | None
    term: str
    count: int  # occurrences in the reports of that year
    reports: int  # how many reports of that year were counted


def by_year(store: Store, rows: list[CountRow]) -> list[YearCountRow]:
    """count --by year: the per-report counts summed over each year's reports (a journalist's
    years × terms table), years in order, terms in the order given."""
    year_of = {report.id: report.year for report in store.reports()}
    totals: dict[tuple[int | None, str], list[int]] = {}
    for row in rows:
        tally = totals.setdefault((year_of.get(row.report), row.term), [0, 0])
        tally[0] += row.count
        tally[1] += 1
    terms = list(dict.fromkeys(row.term for row in rows))
    return [YearCountRow(year, term, count, reports) for (year, term), (count, reports) in
            sorted(totals.items(), key=lambda item: (item[0][0] is None, item[0][0] or 0, terms.index(item[0][1])))]


SORTS = ("report", "count", "year")


def sorted_counts(store: Store, rows: list, sort: str) -> list:
    """--sort: index order (report), the largest count first, or by year."""
    if sort not in SORTS:
        raise UsageError(f"--sort must be one of {', '.join(SORTS)}")
    if sort == "count":
        return sorted(rows, key=lambda row: -row.count)
    if sort == "year" and rows and not isinstance(rows[0], YearCountRow):
        year_of = {report.id: report.year or 0 for report in store.reports()}
        return sorted(rows, key=lambda row: year_of.get(row.report, 0))
    return rows


def count_terms(store: Store, terms: list[str], selection: ReportFilter | None = None,
                by_section: bool = False, expansions: dict[str, list[str]] | None = None) -> list[CountRow]:
    """Occurrences of each term in the speech (a glossary's definitions are not what the report
    says). `expansions` adds, per term, other forms counted with it (count --expand)."""
    needles = [(term, ["".join(fold(term).split())] + [fold(form) for form in (expansions or {}).get(term, [])])
               for term in terms]
    if not needles or not all(forms[0] for _, forms in needles):
        raise UsageError("give at least one non-empty term")
    rows: list[CountRow] = []
    for report in select_reports(store, selection):
        headings = _Headings(store, report)
        for term, forms in needles:
            forms = list(dict.fromkeys(forms))
            # one occurrence counts once: 地区生产总值 is not also a 生产总值 (longest form first)
            pattern = re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))
            # A text without any character that folds into the forms' counts them as its folded
            # text would (fold maps character for character): it is folded only when it has one.
            variant = variants_of("".join(forms))
            texts: dict[tuple[int, int], tuple[int | None, str]] = {}
            for form in forms:
                for paragraph_id, section_id, text in store.paragraphs_with(report, tokens_expression(form)):
                    texts[(1, paragraph_id)] = (section_id, text)
            for section_id, label in headings.on_own_lines(pattern, variant):
                texts[(0, section_id)] = (section_id, label)
            per_section: dict[str, list[int]] = {}
            total = containing = 0
            for key in sorted(texts):
                section_id, text = texts[key]
                found = len(pattern.findall(fold(text) if variant.search(text) else text))
                if not found:
                    continue
                total += found
                containing += key[0]  # paragraphs (key 1), not headings (key 0)
                if by_section:
                    tally = per_section.setdefault(store.section_path(report.ord, section_id), [0, 0])
                    tally[0] += found
                    tally[1] += 1
            if by_section:
                # sections in outline order, whatever order their paragraphs and headings were met in
                # (a path's last section, as ids go; no Section records: 0.9 of 4.6 s on 5,000 reports)
                order = {path: id_ for id_, path in sorted(store.section_paths(report.ord).items())} \
                    if per_section else {}
                per_section = dict(sorted(per_section.items(), key=lambda item: order.get(item[0], 0)))
                rows.extend(SectionCountRow(report.id, term, n, k, section) for section, (n, k) in per_section.items())
            else:
                rows.append(CountRow(report.id, term, total, containing))
        store.forget_report(report.ord)
    return rows


class _Headings:
    """A report's headings, and which are on lines of their own: those that do not open the first
    paragraph of their section. Only a heading a term is in is asked (whether it is on its own
    line needs its section's first paragraph: reading every section's cost a block inflated for
    nearly every heading of the index)."""

    def __init__(self, store: Store, report) -> None:
        self.store, self.report = store, report
        self.labels = store.section_labels(report.ord)
        self._firsts: dict[int, int] | None = None
        self._own_line: dict[int, bool] = {}

    def on_own_lines(self, pattern: re.Pattern, variant: re.Pattern) -> list[tuple[int, str]]:
        """(section id, heading) of the headings on lines of their own that `pattern` finds in
        their folded text (folded only when `variant` finds a character to fold)."""
        named = [(id_, label) for id_, label in self.labels
                 if pattern.search(fold(label) if variant.search(label) else label)]
        unknown = [(id_, label) for id_, label in named if id_ not in self._own_line]
        if unknown:
            if self._firsts is None:
                _, self._firsts = self.store.section_stats(self.report)
            firsts = self._firsts
            openings = self.store.paragraph_texts(self.report, [firsts[id_] for id_, _ in unknown if id_ in firsts])
            for id_, label in unknown:
                first = firsts.get(id_)
                opening = openings[first] if first is not None else ""
                # fold keeps length: the opening's first characters folded are its folded start
                self._own_line[id_] = fold(opening[:len(label)]) != fold(label)
        return [(id_, label) for id_, label in named if self._own_line[id_]]
