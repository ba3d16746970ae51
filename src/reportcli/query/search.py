"""`search`: paragraphs that contain every query word, ranked by relevance.

How a query is answered, cheapest first:

1. Exact: candidates from the FTS5 index of character bigrams (an AND of every word's
   bigrams, bounded), each verified against its folded text, so a hit really contains every
   word (width, script and case folded). One-character words are prefix queries.
2. Only when that leaves room under --limit, each word is widened: toneless pinyin or its
   initials (lajifenlei, ljfl) become the Chinese words of the index vocabulary; an unspaced
   run of words (环境营商) is split into vocabulary words that may appear in any order; and a
   word of three or more characters may match with one wrong, missing or extra character
   (two for long words), found through whichever half of it is intact.

Ranking: tier first — the whole query as one exact phrase, then every word exact, then
fuzzy — so a fuzzy match never outranks an exact one; within a tier, BM25 over the words
(document frequencies from the vocabulary built with jieba at index time) fused with the
rapidfuzz similarity of the matched text; ties in text order. `score` is 0–100.
"""
from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from reportcli.errors import UsageError
from reportcli.query.common import ReportFilter, matching_sections, select_reports
from reportcli.text import fold, gram_runs, gram_tokens

# Ranking reads at most this many candidate paragraphs (in index order) per phase, so a very
# common word never makes a query scan every paragraph that contains it.
CANDIDATE_CAP = 2000
# Widened forms (pinyin, split words, typos) match loosely, so fewer candidates are read for them.
WIDE_CANDIDATE_CAP = 800
# Candidate generation uses at most this many bigrams of a word; verification checks it all.
MAX_TOKENS_PER_WORD = 24
FUZZY_MAX_LENGTH = 40
TIER_BANDS = {3: (70.0, 30.0), 2: (45.0, 25.0), 1: (20.0, 25.0)}  # tier → (floor, span) of score


@dataclass(frozen=True)
class Hit:
    report: str
    paragraph: int
    section: str
    score: float
    text: str
    matches: list[list[int]]


class Form(NamedTuple):
    """One way a query word may appear: exact text, all of several parts, or fuzzily."""

    kind: str  # "exact", "parts" or "fuzzy"
    text: str
    parts: tuple[str, ...] = ()


class _Match(NamedTuple):
    tier: int  # 3 exact, 2 every part of the word, 1 fuzzy
    quality: float  # 0–1 similarity of what matched to what was asked
    frequency: int  # occurrences, for BM25's term frequency
    form: Form
    spans: list[tuple[int, int]] | None = None  # known up front only for fuzzy matches


class _Candidate:
    """A paragraph under evaluation. Folding costs more than everything else per paragraph,
    so the text is folded only when the raw text alone cannot answer."""

    __slots__ = ("text", "_folded")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def count(self, needle: str) -> int:
        found = self.text.count(needle)
        if found or not _variants_of(needle).search(self.text):
            return found  # the raw text holds no character that folds into the needle
        return self.folded.count(needle)


_VARIANT_SOURCES: dict[str, str] = {}
_VARIANT_PATTERNS: dict[str, re.Pattern[str]] = {}


def _variants_of(needle: str) -> re.Pattern[str]:
    """A pattern matching any character that folds into a character of `needle` (營 for 营,
    Ｉ and I for i): where none occurs, the raw text counts the needle as well as folding would."""
    if needle not in _VARIANT_PATTERNS:
        if not _VARIANT_SOURCES:
            from reportcli.text import FOLD_TABLE

            for source, target in FOLD_TABLE.items():
                _VARIANT_SOURCES[chr(target)] = _VARIANT_SOURCES.get(chr(target), "") + chr(source)
        sources = "".join(_VARIANT_SOURCES.get(ch, "") for ch in set(needle))
        _VARIANT_PATTERNS[needle] = re.compile(f"[{re.escape(sources)}]" if sources else r"(?!x)x")
    return _VARIANT_PATTERNS[needle]


def query_words(query: list[str]) -> list[str]:
    words = [word for part in query for word in fold(part).split()]
    words = list(dict.fromkeys(word for word in words if word))
    if not words:
        raise UsageError("the search query is empty")
    return words


# ---------------------------------------------------------------- candidate generation

def _form_expression(form: Form) -> str | None:
    if form.kind == "exact":
        return tokens_expression(form.text)
    if form.kind == "parts":
        parts = [tokens_expression(part) for part in form.parts]
        return " AND ".join(f"({p})" for p in parts if p) or None
    half = len(form.text) // 2  # fuzzy: one edit leaves one half intact
    halves = [tokens_expression(form.text[:half]), tokens_expression(form.text[half:])]
    return " OR ".join(f"({h})" for h in halves if h) or None


def tokens_expression(text: str) -> str | None:
    """AND of the text's bigrams; a one-character run is a prefix query (every token that
    starts with it). Tokens are letters and digits only, so quoting them cannot inject FTS syntax."""
    terms = []
    for run in gram_runs(text):
        if len(run) == 1:
            terms.append(f'"{run}"*')
        else:
            terms.extend(f'"{run[i:i + 2]}"' for i in range(len(run) - 1))
    return " AND ".join(list(dict.fromkeys(terms))[:MAX_TOKENS_PER_WORD]) or None


def _query_expression(word_forms: list[list[Form]]) -> str | None:
    """AND over words of (OR over each word's forms). None when a word has no indexable form
    (punctuation or emoji only): then candidates come from scanning paragraphs instead."""
    clauses = []
    for forms in word_forms:
        expressions = [e for e in (_form_expression(form) for form in forms) if e]
        if len(expressions) < len(forms) and forms[0].kind == "exact" and _form_expression(forms[0]) is None:
            return None
        clauses.append(" OR ".join(f"({e})" for e in expressions))
    return " AND ".join(f"({c})" for c in clauses)


class _Scope:
    """The paragraphs a query may return: all, or the rowid ranges of the selected reports."""

    def __init__(self, connection: sqlite3.Connection, ids: list[str] | None, section: str | None) -> None:
        self.connection = connection
        # With no --report, nothing is read per report up front: an index of 10,000 reports
        # would otherwise cost more than the search itself.
        narrowed = ids.active if isinstance(ids, ReportFilter) else bool(ids)
        reports = select_reports(connection, ids) if narrowed else []
        self._ids = {ref.ord: ref.id for ref in reports}
        self.ranges = [(r.first_rowid, r.first_rowid + r.paragraphs - 1) for r in reports] if narrowed else None
        self.section = section
        self._allowed: dict[int, set[int]] = {}
        self._paths: dict[tuple[int, int], str] = {}

    def report_id(self, report_ord: int) -> str:
        if report_ord not in self._ids:
            self._ids[report_ord] = self.connection.execute(
                "SELECT id FROM reports WHERE ord = ?", (report_ord,)).fetchone()[0]
        return self._ids[report_ord]

    def candidates(self, expression: str | None, cap: int, exclude: set[int]) -> list[int]:
        found: list[int] = []
        for low, high in self.ranges or [(None, None)]:
            remaining = 0 if cap == 0 else cap - len(found)
            if cap and remaining <= 0:
                break
            found.extend(self._candidates_in(expression, low, high, remaining, exclude))
        return found

    def _candidates_in(self, expression: str | None, low: int | None, high: int | None, cap: int,
                       exclude: set[int]) -> list[int]:
        where, params = [], []
        if expression is not None:
            where.append("grams MATCH ?")
            params.append(expression)
        if low is not None:
            where.append("rowid BETWEEN ? AND ?")
            params.extend((low, high))
        table = "grams" if expression is not None else "paragraphs"
        sql = f"SELECT rowid FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        found = []
        for (rowid,) in self.connection.execute(sql, params):
            if rowid in exclude:
                continue
            found.append(rowid)
            if cap and len(found) >= cap:
                break
        return found

    def allows(self, report_ord: int, section_id: int | None) -> bool:
        if not self.section:
            return True
        if report_ord not in self._allowed:
            self._allowed[report_ord] = matching_sections(self.connection, report_ord, self.section)
        return section_id in self._allowed[report_ord]

    def path(self, report_ord: int, section_id: int | None) -> str:
        if section_id is None:
            return ""
        key = (report_ord, section_id)
        if key not in self._paths:
            row = self.connection.execute("SELECT path FROM sections WHERE report = ? AND id = ?", key).fetchone()
            self._paths[key] = row[0] if row else ""
        return self._paths[key]


# ---------------------------------------------------------------- query widening

class Vocabulary:
    """Lookups in the index's vocab table (word → df, pinyin keys), cached per query."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._df: dict[str, int | None] = {}
        self._by_key: dict[str, list[tuple[str, int]]] = {}

    def df(self, word: str) -> int | None:
        if word not in self._df:
            row = self.connection.execute("SELECT df FROM vocab WHERE word = ?", (word,)).fetchone()
            self._df[word] = row[0] if row else None
        return self._df[word]

    def by_pinyin(self, key: str) -> list[tuple[str, int, bool]]:
        """(word, df, by initials) for words whose full pinyin or initials are `key`, most frequent first."""
        if key not in self._by_key:
            self._by_key[key] = self.connection.execute(
                "SELECT word, df, pinyin != ?1 FROM vocab WHERE pinyin = ?1 OR (initials = ?1 AND length(word) > 1)"
                " ORDER BY pinyin = ?1 DESC, df DESC, word LIMIT 8", (key,)).fetchall()
        return self._by_key[key]


def _segment_with_vocabulary(word: str, vocabulary: Vocabulary) -> tuple[str, ...] | None:
    """Split an unspaced run (环境营商) into the fewest vocabulary words of two or more
    characters, or None. Single characters would match almost anything, and cost a prefix scan."""
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(2, n + 1):
        for start in range(max(0, end - 8), end - 1):
            piece = word[start:end]
            if best[start] is None or vocabulary.df(piece) is None:
                continue
            if best[end] is None or len(best[start]) + 1 < len(best[end]):
                best[end] = best[start] + (piece,)
    found = best[n]
    return found if found is not None and len(found) >= 2 else None


def pinyin_phrases(letters: str, vocabulary: Vocabulary, limit: int = 6) -> list[tuple[tuple[str, ...], bool]]:
    """(words, spelled by initials) whose pinyin spells `letters`, likeliest first."""
    n = len(letters)
    # beams[i]: up to `limit` (cost, words, any initials) segmentations of letters[:i]
    beams: list[list[tuple[float, tuple[str, ...], bool]]] = [[] for _ in range(n + 1)]
    beams[0] = [(0.0, (), False)]
    for end in range(1, n + 1):
        options = []
        for start in range(max(0, end - 24), end):
            for word, df, initials in vocabulary.by_pinyin(letters[start:end]) if beams[start] else ():
                step = 1.0 - min(0.5, math.log10(1 + df) / 10)
                options.extend((cost + step, words + (word,), used or bool(initials))
                               for cost, words, used in beams[start])
        options.sort()
        beams[end] = options[:limit]
    return [(words, used) for _, words, used in beams[n]]


def widen(word: str, vocabulary: Vocabulary) -> list[Form]:
    """The forms beyond the exact text that a word may also match."""
    forms: list[Form] = []
    if re.fullmatch(r"[a-z]{2,60}", word):
        for words, by_initials in pinyin_phrases(word, vocabulary):
            phrase = "".join(words)
            forms.append(Form("exact", phrase))
            if len(words) > 1 and not by_initials:  # initials are too ambiguous to match apart
                forms.append(Form("parts", phrase, words))
    elif len(word) >= 3:
        parts = _segment_with_vocabulary(word, vocabulary)
        if parts:
            forms.append(Form("parts", word, parts))
    # Typos are forgiven in Chinese words of 3+ characters and Latin words of 6+ letters;
    # shorter codes (ipv6, 5g) differ meaningfully by one character.
    cjk = sum(1 for ch in word if "\u3400" <= ch <= "\u9fff")
    if len(word) <= FUZZY_MAX_LENGTH and (cjk >= 3 or (cjk == 0 and len(word) >= 6)) \
            and not re.fullmatch(r"[a-z]+", word) and gram_tokens(word):
        forms.append(Form("fuzzy", word))
    return forms


# ---------------------------------------------------------------- verification and scoring

def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


def _match_form(form: Form, candidate: _Candidate) -> _Match | None:
    if form.kind == "exact":
        count = candidate.count(form.text)
        return _Match(3, 1.0, count, form) if count else None
    if form.kind == "parts":
        counts = [candidate.count(part) for part in form.parts]
        return _Match(2, 0.9, min(counts), form) if all(counts) else None
    plain = not _variants_of(form.text).search(candidate.text)
    return _fuzzy_match(form, candidate.text if plain else candidate.folded)


def _spans(match: _Match, folded_text: str) -> list[tuple[int, int]]:
    if match.spans is not None:
        return match.spans
    needles = match.form.parts if match.form.kind == "parts" else (match.form.text,)
    return [span for needle in needles for span in _find_all(folded_text, needle)]


def _fuzzy_match(form: Form, folded_text: str) -> _Match | None:
    """Windows of the text within a small edit distance of the word, anchored on an intact half."""
    from rapidfuzz.distance import Levenshtein

    word = form.text
    n, half = len(word), len(word) // 2
    allowed = 1 if n < 8 else 2
    spans: list[tuple[int, int]] = []
    best = allowed + 1
    anchors = [(start, "left") for start, _ in _find_all(folded_text, word[:half])]
    anchors += [(end, "right") for _, end in _find_all(folded_text, word[half:])]
    for position, side in anchors:
        for length in range(n - allowed, n + allowed + 1):
            start, end = (position, position + length) if side == "left" else (position - length, position)
            if start < 0 or end > len(folded_text):
                continue
            distance = Levenshtein.distance(word, folded_text[start:end], score_cutoff=allowed)
            if distance <= allowed:
                best = min(best, distance)
                spans.append((start, end))
    if not spans:
        return None
    spans = _merge(spans)
    return _Match(1, 1.0 - best / n, len(spans), form, spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


class _Ranker:
    """BM25 over the matched words, with document frequencies from the vocabulary."""

    K1, B = 1.2, 0.75

    def __init__(self, connection: sqlite3.Connection, vocabulary: Vocabulary) -> None:
        meta = dict(connection.execute("SELECT key, value FROM meta WHERE key IN ('paragraphs', 'average_length')"))
        self.total = max(1, int(meta.get("paragraphs", 1)))
        self.average_length = max(1.0, float(meta.get("average_length", 100)))
        self.vocabulary = vocabulary
        self.connection = connection
        self._idf: dict[str, float] = {}

    def idf(self, word: str) -> float:
        if word not in self._idf:
            df = self.vocabulary.df(word)
            if df is None:  # not a jieba word: count paragraphs with its bigrams (bounded)
                expression = tokens_expression(word)
                df = self.connection.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM grams WHERE grams MATCH ? LIMIT 10000)",
                    (expression,)).fetchone()[0] if expression else 1
            self._idf[word] = math.log(1 + (self.total - df + 0.5) / (df + 0.5))
        return self._idf[word]

    def relevance(self, matches: list[_Match], length: int) -> float:
        """0–1: BM25 normalised by its maximum, fused with the match quality."""
        score = ceiling = 0.0
        for match in matches:
            form = match.form
            idf = self.idf(max(form.parts, key=len) if form.kind == "parts" else form.text)
            tf = match.frequency
            score += idf * tf * (self.K1 + 1) / (tf + self.K1 * (1 - self.B + self.B * length / self.average_length))
            ceiling += idf * (self.K1 + 1)
        bm25 = score / ceiling if ceiling else 0.0
        quality = sum(m.quality for m in matches) / len(matches)
        return 0.75 * bm25 + 0.25 * quality


def _evaluate(rows, word_forms: list[list[Form]], phrase: str, scope: _Scope, ranker: _Ranker):
    """Verify candidate rows; yield (sort key, row, candidate, matches) where every word matches."""
    for row in rows:
        rowid, report_ord, _, section_id, text = row
        if not scope.allows(report_ord, section_id):
            continue
        candidate = _Candidate(text)
        matches = []
        for forms in word_forms:
            found = [m for m in (_match_form(form, candidate) for form in forms) if m]
            if not found:
                break
            matches.append(max(found, key=lambda m: (m.tier, m.quality, m.frequency)))
        else:
            tier = min(m.tier for m in matches)
            if tier == 3 and len(word_forms) > 1 and not candidate.count(phrase):
                tier = 2  # every word exact, but not as one phrase
            floor, span = TIER_BANDS[tier]
            score = round(floor + span * ranker.relevance(matches, len(text)), 1)
            yield (-tier, -score, rowid), score, row, candidate, matches


def _hit(scope: _Scope, score: float, row, candidate: _Candidate, matches: list[_Match]) -> Hit:
    _, report_ord, paragraph_id, section_id, text = row
    spans = _merge([span for match in matches for span in _spans(match, candidate.folded)])
    return Hit(report=scope.report_id(report_ord), paragraph=paragraph_id,
               section=scope.path(report_ord, section_id), score=score, text=text,
               matches=[list(span) for span in spans])


def _fetch(connection: sqlite3.Connection, rowids: list[int]):
    for start in range(0, len(rowids), 900):
        chunk = rowids[start:start + 900]
        yield from connection.execute(
            f"SELECT rowid, report, id, section, text FROM paragraphs WHERE rowid IN ({','.join('?' * len(chunk))})",
            chunk)


def search(connection: sqlite3.Connection, query: list[str], ids: list[str] | None = None,
           section: str | None = None, limit: int = 20) -> list[Hit]:
    words = query_words(query)
    scope = _Scope(connection, ids, section)
    vocabulary = Vocabulary(connection)
    ranker = _Ranker(connection, vocabulary)
    phrase = "".join(words)
    cap = 0 if limit == 0 else CANDIDATE_CAP
    wide_cap = 0 if limit == 0 else WIDE_CANDIDATE_CAP

    exact_forms = [[Form("exact", word)] for word in words]
    rowids = scope.candidates(_query_expression(exact_forms), cap, exclude=set())
    results = list(_evaluate(_fetch(connection, rowids), exact_forms, phrase, scope, ranker))

    if not results:  # widen only a query that found nothing as typed
        if all(re.fullmatch(r"[a-z]+", word) for word in words) and len(words) > 1:
            words = ["".join(words)]  # la ji fen lei: pinyin typed with spaces
            phrase = words[0]
        wide_forms = [[Form("exact", word), *widen(word, vocabulary)] for word in words]
        expression = _query_expression(wide_forms)
        if expression and any(len(forms) > 1 for forms in wide_forms):
            more = scope.candidates(expression, wide_cap, exclude=set(rowids))
            results += _evaluate(_fetch(connection, more), wide_forms, phrase, scope, ranker)

    results.sort(key=lambda result: result[0])
    return [_hit(scope, *result[1:]) for result in (results if limit == 0 else results[:limit])]


