"""`count`: how often each term occurs, per report or per section — the keyword counts
journalists publish every year."""
from __future__ import annotations

import re

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, select_reports
from reportcli.query.match import tokens_expression
from reportcli.record import Record
from reportcli.text import fold


class CountRow(Record):
    report: str
    term: str
    count: int  # occurrences (width, script and case folded)
    paragraphs: int  # paragraphs containing the term


class SectionCountRow(CountRow):
    section: str = ""


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
        glossary = store.glossary_sections(report.ord)
        for term, forms in needles:
            forms = list(dict.fromkeys(forms))
            # one occurrence counts once: 地区生产总值 is not also a 生产总值 (longest form first)
            pattern = re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))
            texts: dict[int, tuple[int | None, str]] = {}
            for form in forms:
                for paragraph_id, section_id, text in store.paragraphs_with(report, tokens_expression(form)):
                    if section_id not in glossary:
                        texts[paragraph_id] = (section_id, text)
            per_section: dict[str, list[int]] = {}
            total = containing = 0
            for paragraph_id in sorted(texts):
                section_id, text = texts[paragraph_id]
                found = len(pattern.findall(fold(text)))
                if not found:
                    continue
                total += found
                containing += 1
                if by_section:
                    tally = per_section.setdefault(store.section_path(report.ord, section_id), [0, 0])
                    tally[0] += found
                    tally[1] += 1
            if by_section:
                rows.extend(SectionCountRow(report.id, term, n, k, section) for section, (n, k) in per_section.items())
            else:
                rows.append(CountRow(report.id, term, total, containing))
    return rows
