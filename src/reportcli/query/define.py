"""`define`: glossary lookup however the user types the term, and where the body uses it.

A term is found by its exact text, a part of a compound heading, with or without quote
marks, in toneless pinyin or initials, in traditional characters, or with one wrong or
missing character; candidates are ranked with rapidfuzz. Lookup keys (folded forms, pinyin,
initials) were computed at build time, so no pypinyin or jieba loads here.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from reportcli.errors import NoResults, UsageError
from reportcli.query.common import ReportRef, section_paths, select_reports
from reportcli.query.search import tokens_expression
from reportcli.text import fold

_QUOTES = str.maketrans("", "", "“”\"「」『』‘’'《》 \u3000")


@dataclass(frozen=True)
class Mention:
    paragraph: int
    section: str


@dataclass(frozen=True)
class Definition:
    report: str
    paragraph: int  # the glossary paragraph that defines the term
    section: str
    term: str
    heading: str
    definition: str
    aliases: list[str]
    mentions: list[int]  # body paragraphs that use the term
    mention_sections: list[str]  # their section paths, in the same order
    score: float  # 0–100: how closely the term matches what was asked


@dataclass(frozen=True)
class UndefinedMention:
    """A body paragraph using a term that the report's glossary does not define."""

    report: str
    paragraph: int
    section: str
    term: str
    text: str


class NotDefined(NoResults):
    """The term is used in the body but not defined: exit 1, with its mentions to show."""

    def __init__(self, message: str, mentions: list[UndefinedMention]) -> None:
        super().__init__(message)
        self.mentions = mentions


def normalize_term(text: str) -> str:
    return fold(text).translate(_QUOTES).strip()


def _score(query: str, key: str) -> float:
    """100 for the same key; otherwise rapidfuzz similarity, kept only within one edit
    (two for long terms) so that 六保 does not answer for 六稳 unless nothing closer exists."""
    if query == key:
        return 100.0
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz import fuzz

    allowed = 2 if len(query) >= 6 else 1
    if len(query) < 2 or Levenshtein.distance(query, key, score_cutoff=allowed) > allowed:
        return 0.0
    return min(99.0, fuzz.ratio(query, key))


def define(connection: sqlite3.Connection, term: str | None, ids: list[str] | None = None) -> list[Definition]:
    refs = select_reports(connection, ids)
    if term is not None and not normalize_term(term):
        raise UsageError("the term is empty")
    query = normalize_term(term) if term is not None else None
    results: list[Definition] = []
    for ref in refs:
        paths = section_paths(connection, ref.ord)
        rows = connection.execute(
            "SELECT t.seq, t.term, t.heading, t.definition, t.aliases, t.paragraph, t.mentions, t.keys, p.section"
            " FROM terms t JOIN paragraphs p ON p.rowid = ? + t.paragraph - 1"
            " WHERE t.report = ? ORDER BY t.seq", (ref.first_rowid, ref.ord)).fetchall()
        for seq, name, heading, definition, aliases, paragraph, mentions, keys, section_id in rows:
            score = 100.0 if query is None else max(_score(query, key) for key in json.loads(keys))
            if score <= 0:
                continue
            mention_ids = json.loads(mentions)
            results.append(Definition(
                report=ref.id, paragraph=paragraph, section=paths.get(section_id, ("", ""))[1], term=name,
                heading=heading, definition=definition, aliases=json.loads(aliases), mentions=mention_ids,
                mention_sections=[_path_of(connection, ref, paths, pid) for pid in mention_ids], score=score))
    if query is None:
        return results
    if any(r.score == 100.0 for r in results):
        return [r for r in results if r.score == 100.0]  # an exact answer: no near misses beside it
    results.sort(key=lambda r: -r.score)
    if results:
        return results
    mentions = undefined_mentions(connection, refs, term, query)
    if mentions:
        where = len({m.report for m in mentions})
        raise NotDefined(f"“{term}” is not defined in the glossary of {'this report' if where == 1 else f'{where} reports'}"
                         f"; it is used in {len(mentions)} paragraph{'s' * (len(mentions) != 1)}", mentions)
    closest = closest_terms(connection, refs, query)
    hint = f"; closest terms: {', '.join(closest)}" if closest else ""
    raise NoResults(f"no glossary term or mention of “{term}”{hint}")


def _path_of(connection: sqlite3.Connection, ref: ReportRef, paths: dict, paragraph_id: int) -> str:
    row = connection.execute("SELECT section FROM paragraphs WHERE rowid = ?",
                             (ref.first_rowid + paragraph_id - 1,)).fetchone()
    return paths.get(row[0], ("", ""))[1] if row else ""


def undefined_mentions(connection: sqlite3.Connection, refs: list[ReportRef], term: str, query: str,
                       ) -> list[UndefinedMention]:
    """Body paragraphs that contain the term (quote marks ignored), outside any glossary."""
    expression = tokens_expression(query)
    if expression is None:
        return []
    found = []
    for ref in refs:
        paths = section_paths(connection, ref.ord)
        glossary = {row[0] for row in connection.execute(
            "SELECT id FROM sections WHERE report = ? AND kind = 'glossary'", (ref.ord,))}
        rows = connection.execute(
            "SELECT p.id, p.section, p.text FROM grams g JOIN paragraphs p ON p.rowid = g.rowid"
            " WHERE grams MATCH ? AND g.rowid BETWEEN ? AND ? ORDER BY g.rowid",
            (expression, ref.first_rowid, ref.first_rowid + ref.paragraphs - 1))
        for paragraph_id, section_id, text in rows:
            if section_id not in glossary and query in normalize_term(text):
                found.append(UndefinedMention(report=ref.id, paragraph=paragraph_id,
                                              section=paths.get(section_id, ("", ""))[1], term=term, text=text))
    return found


def closest_terms(connection: sqlite3.Connection, refs: list[ReportRef], query: str, limit: int = 3) -> list[str]:
    from rapidfuzz import fuzz, process

    terms = sorted({row[0] for ref in refs for row in connection.execute(
        "SELECT term FROM terms WHERE report = ?", (ref.ord,))})
    if not terms:
        return []
    matches = process.extract(query, {term: normalize_term(term) for term in terms}, scorer=fuzz.WRatio,
                              limit=limit)
    return [key for _, _, key in matches]

