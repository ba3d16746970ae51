"""`search`: paragraphs that contain every query word, ranked by relevance.

Candidates come from the FTS5 index of character bigrams (an AND of each word's bigrams,
bounded), then every candidate is verified against its folded text, so a hit always contains
the words exactly as folded (width, script and case ignored).
"""
from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass

from reportcli.errors import UsageError
from reportcli.query.common import ReportRef, section_paths, select_reports
from reportcli.text import fold, gram_tokens

# Ranking reads at most this many candidate paragraphs per report, in index order, so a very
# common word never makes a query scan every paragraph that contains it.
CANDIDATE_CAP = 5000


@dataclass(frozen=True)
class Hit:
    report: str
    paragraph: int
    section: str
    score: float
    text: str
    matches: list[list[int]]


def query_words(query: list[str]) -> list[str]:
    words = [word for part in query for word in fold(part).split()]
    words = [word for word in dict.fromkeys(words) if word]
    if not words:
        raise UsageError("the search query is empty")
    return words


def fts_expression(words: list[str]) -> str | None:
    """An FTS5 MATCH expression (AND of quoted bigrams) or None if no word has a token."""
    terms: list[str] = []
    for word in words:
        tokens = gram_tokens(word)
        if len(tokens) == 1 and len(tokens[0]) == 1:
            terms.append(f'"{tokens[0]}"*')  # a one-character word: any bigram starting with it
        else:
            terms.extend(f'"{token}"' for token in tokens)
    # Tokens are runs of letters and digits only, so quoting them cannot inject FTS syntax.
    return " AND ".join(dict.fromkeys(terms)) or None


def find_spans(folded_text: str, word: str) -> list[list[int]]:
    spans, start = [], folded_text.find(word)
    while start >= 0:
        spans.append([start, start + len(word)])
        start = folded_text.find(word, start + len(word))
    return spans


def _candidates(connection: sqlite3.Connection, ref: ReportRef, expression: str | None, cap: int) -> list[int]:
    low, high = ref.first_rowid, ref.first_rowid + ref.paragraphs - 1
    limit = "" if cap == 0 else f" LIMIT {int(cap)}"
    if expression is None:  # punctuation-only words: check every paragraph of the report
        return [row[0] for row in connection.execute(
            f"SELECT rowid FROM paragraphs WHERE rowid BETWEEN ? AND ?{limit}", (low, high))]
    return [row[0] for row in connection.execute(
        f"SELECT rowid FROM grams WHERE grams MATCH ? AND rowid BETWEEN ? AND ?{limit}", (expression, low, high))]


def _section_filter(connection: sqlite3.Connection, ref: ReportRef, section: str) -> set[int]:
    """Ids of the sections matching --section: a dotted number (3.1 takes 3.1.x too) or path text."""
    rows = connection.execute("SELECT id, number, path FROM sections WHERE report = ?", (ref.ord,)).fetchall()
    if re.fullmatch(r"\d+(\.\d+)*", section.strip()):
        number = section.strip()
        return {sid for sid, n, _ in rows if n == number or n.startswith(number + ".")}
    needle = fold(section)
    return {sid for sid, _, path in rows if needle in fold(path)}


def search(connection: sqlite3.Connection, query: list[str], ids: list[str] | None = None,
           section: str | None = None, limit: int = 20) -> list[Hit]:
    words = query_words(query)
    expression = fts_expression(words)
    phrase = "".join(words)
    scored: list[tuple[tuple, Hit]] = []
    for ref in select_reports(connection, ids):
        allowed = _section_filter(connection, ref, section) if section else None
        rowids = _candidates(connection, ref, expression, 0 if limit == 0 else CANDIDATE_CAP)
        if not rowids:
            continue
        paths = section_paths(connection, ref.ord)
        placeholders = ",".join("?" * len(rowids))
        rows = connection.execute(
            f"SELECT rowid, id, section, text FROM paragraphs WHERE rowid IN ({placeholders})", rowids)
        for rowid, paragraph_id, section_id, text in rows:
            if allowed is not None and section_id not in allowed:
                continue
            folded_text = fold(text)
            spans_per_word = [find_spans(folded_text, word) for word in words]
            if not all(spans_per_word):
                continue
            exact_phrase = len(words) > 1 and phrase in folded_text
            relevance = _relevance(spans_per_word, words, len(text))
            score = round((50 if exact_phrase or len(words) == 1 else 25) + 50 * relevance, 1)
            matches = sorted({tuple(span) for spans in spans_per_word for span in spans})
            hit = Hit(report=ref.id, paragraph=paragraph_id, section=paths.get(section_id, ("", ""))[1],
                      score=score, text=text, matches=[list(span) for span in _merge(matches)])
            scored.append(((-score, ref.ord, rowid), hit))
    scored.sort(key=lambda pair: pair[0])
    hits = [hit for _, hit in scored]
    return hits if limit == 0 else hits[:limit]


def _relevance(spans_per_word: list[list[list[int]]], words: list[str], length: int) -> float:
    """0–1: saturating term frequency, normalised by paragraph length (BM25's shape)."""
    k1, b, typical_length = 1.2, 0.75, 150
    total = 0.0
    for spans, word in zip(spans_per_word, words):
        tf = len(spans)
        saturated = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / typical_length))
        total += saturated / (k1 + 1) * min(1.0, math.log2(1 + len(word)) / 3)
    return min(1.0, total / len(words))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(span) for span in merged]
