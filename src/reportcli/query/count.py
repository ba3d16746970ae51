"""`count`: how often each term occurs, per report or per section — the keyword counts
journalists publish every year."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reportcli.errors import UsageError
from reportcli.query.common import ReportFilter, section_paths, select_reports
from reportcli.query.search import tokens_expression
from reportcli.text import fold


@dataclass(frozen=True)
class CountRow:
    report: str
    term: str
    count: int  # occurrences (width, script and case folded)
    paragraphs: int  # paragraphs containing the term


@dataclass(frozen=True)
class SectionCountRow(CountRow):
    section: str = ""


def count_terms(connection: sqlite3.Connection, terms: list[str], selection: ReportFilter | None = None,
                by_section: bool = False) -> list[CountRow]:
    needles = [(term, "".join(fold(term).split())) for term in terms]
    if not needles or not all(needle for _, needle in needles):
        raise UsageError("give at least one non-empty term")
    rows: list[CountRow] = []
    for ref in select_reports(connection, selection):
        paths = section_paths(connection, ref.ord) if by_section else {}
        # the speech itself: a glossary's definitions are not what the report says
        glossary = {sid for (sid,) in connection.execute(
            "SELECT id FROM sections WHERE report = ? AND kind = 'glossary'", (ref.ord,))}
        for term, needle in needles:
            expression = tokens_expression(needle)
            low, high = ref.first_rowid, ref.first_rowid + ref.paragraphs - 1
            if expression is None:  # punctuation only: read every paragraph of the report
                texts = connection.execute("SELECT section, text FROM paragraphs WHERE rowid BETWEEN ? AND ?",
                                           (low, high))
            else:
                texts = connection.execute(
                    "SELECT p.section, p.text FROM grams g JOIN paragraphs p ON p.rowid = g.rowid"
                    " WHERE grams MATCH ? AND g.rowid BETWEEN ? AND ? ORDER BY g.rowid", (expression, low, high))
            per_section: dict[str, list[int]] = {}
            total = containing = 0
            for section_id, text in texts:
                if section_id in glossary:
                    continue
                found = fold(text).count(needle)
                if not found:
                    continue
                total += found
                containing += 1
                if by_section:
                    tally = per_section.setdefault(paths.get(section_id, ("", ""))[1], [0, 0])
                    tally[0] += found
                    tally[1] += 1
            if by_section:
                rows.extend(SectionCountRow(ref.id, term, n, k, section) for section, (n, k) in per_section.items())
            else:
                rows.append(CountRow(ref.id, term, total, containing))
    return rows
