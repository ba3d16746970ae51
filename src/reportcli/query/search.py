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

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, check_section, select_reports
from reportcli.query.concepts import search_forms
from reportcli.query.match import (FUZZY_MAX_LENGTH, Form, Vocabulary, find_all, fuzzy_spans, merge,  # noqa: F401
                                   tokens_expression, variants_of, widen)
from reportcli.record import Record
from reportcli.text import fold

# Ranking reads at most this many candidate paragraphs (in index order) per phase, so a very
# common word never makes a query scan every paragraph that contains it.
CANDIDATE_CAP = 2000
# Widened forms (pinyin, split words, typos) match loosely, so fewer candidates are read for them.
WIDE_CANDIDATE_CAP = 800
# tier → (floor, span) of score: the phrase as typed, every word as typed, a concept (a shorthand's
# expansion), approximate (pinyin, split words, typos). A lower tier never outranks a higher one.
TIER_BANDS = {4: (75.0, 25.0), 3: (55.0, 20.0), 2: (40.0, 15.0), 1: (20.0, 20.0)}
MATCH_OF_TIER = {4: "exact", 3: "words", 2: "concept", 1: "fuzzy"}


class Hit(Record):
    report: str
    paragraph: int
    section: str
    score: float
    text: str
    matches: list[list[int]]
    match: str  # exact / words / concept / fuzzy (MATCH_OF_TIER)


class SearchResult(Record):
    hits: list[Hit]
    total: int  # hits found before --limit cut them (a lower bound when `capped`)
    capped: bool  # candidates were capped (CANDIDATE_CAP): there may be more
    notes: list[str]  # for stderr: approximate answers and what was searched instead


class _Match:
    """How one word matched one paragraph (a slotted class: a query makes thousands at scale)."""

    __slots__ = ("tier", "quality", "frequency", "form", "spans")

    def __init__(self, tier: int, quality: float, frequency: int, form: Form,
                 spans: list[tuple[int, int]] | None = None) -> None:
        self.tier = tier  # 3 exact, 2 every part of the word, 1 fuzzy (the strength of the form's own match)
        self.quality = quality  # 0–1 similarity of what matched to what was asked
        self.frequency = frequency  # occurrences, for BM25's term frequency
        self.form = form
        self.spans = spans  # known up front only for fuzzy matches


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
        if found or not variants_of(needle).search(self.text):
            return found  # the raw text holds no character that folds into the needle
        return self.folded.count(needle)


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
    if form.kind == "members":  # candidates: any member; verification counts them
        parts = [tokens_expression(part) for part in form.parts]
        return " OR ".join(f"({p})" for p in parts if p) or None
    half = len(form.text) // 2  # fuzzy: one edit leaves one half intact
    halves = [tokens_expression(form.text[:half]), tokens_expression(form.text[half:])]
    return " OR ".join(f"({h})" for h in halves if h) or None


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

    def __init__(self, store: Store, selection: ReportFilter | None, section: str | None) -> None:
        self.store = store
        # With no filter, nothing is read per report up front: an index of 10,000 reports
        # would otherwise cost more than the search itself.
        narrowed = selection is not None and selection.active
        reports = select_reports(store, selection) if narrowed or section is not None else []
        self.ranges = [(r.first_rowid, r.last_rowid) for r in reports] if narrowed else None
        self._allowed = check_section(store, reports, section)
        self._ids: dict[int, str] = {report.ord: report.id for report in reports}

    def report_id(self, report_ord: int) -> str:
        if report_ord not in self._ids:
            self._ids[report_ord] = self.store.report_by_ord(report_ord).id
        return self._ids[report_ord]

    def candidates(self, expression: str | None, cap: int, exclude: set[int]) -> list[int]:
        found: list[int] = []
        for low, high in (self.ranges if self.ranges is not None else [(None, None)]):
            remaining = 0 if cap == 0 else cap - len(found)
            if cap and remaining <= 0:
                break
            found.extend(self.store.candidate_rowids(expression, low, high, remaining, exclude))
        return found

    def matching(self, expression: str, bound: int) -> int:
        """Paragraphs of the scope whose bigrams match, counted up to `bound`."""
        found = 0
        for low, high in (self.ranges if self.ranges is not None else [(None, None)]):
            found += self.store.matching_count(expression, bound - found, low, high)
            if found >= bound:
                break
        return found

    def allows(self, report_ord: int, section_id: int | None) -> bool:
        return self._allowed is None or section_id in self._allowed.get(report_ord, set())

    def path(self, report_ord: int, section_id: int | None) -> str:
        return self.store.section_path(report_ord, section_id)


# ---------------------------------------------------------------- query widening

# ---------------------------------------------------------------- verification and scoring

def _match_form(form: Form, candidate: _Candidate) -> _Match | None:
    if form.kind == "exact":
        count = candidate.count(form.text)
        return _Match(3, 1.0, count, form) if count else None
    if form.kind == "parts":
        counts = [candidate.count(part) for part in form.parts]
        return _Match(2, 0.9, min(counts), form) if all(counts) else None
    if form.kind == "members":
        named = sum(1 for part in form.parts if candidate.count(part))
        return _Match(2, named / len(form.parts), named, form) if named >= form.needed else None
    plain = not variants_of(form.text).search(candidate.text)
    spans, best = fuzzy_spans(form.text, candidate.text if plain else candidate.folded)
    return _Match(1, 1.0 - best / len(form.text), len(spans), form, spans) if spans else None


def _spans(match: _Match, folded_text: str) -> list[tuple[int, int]]:
    if match.spans is not None:
        return match.spans
    needles = match.form.parts if match.form.kind in ("parts", "members") else (match.form.text,)
    return [span for needle in needles for span in find_all(folded_text, needle)]


class _Ranker:
    """BM25 over the matched words, with document frequencies from the vocabulary."""

    K1, B = 1.2, 0.75

    def __init__(self, store: Store, vocabulary: Vocabulary) -> None:
        meta = store.meta()
        self.total = max(1, int(meta.get("paragraphs", 1)))
        self.average_length = max(1.0, float(meta.get("average_length", 100)))
        self.vocabulary = vocabulary
        self.store = store
        self._idf: dict[str, float] = {}

    def idf(self, word: str) -> float:
        if word not in self._idf:
            df = self.vocabulary.df(word)
            if df is None:  # not a jieba word: count paragraphs with its bigrams (bounded)
                expression = tokens_expression(word)
                df = self.store.matching_count(expression, 10000) if expression else 1
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
            found = [m for m in (_match_form(form, candidate) for form in forms
                                 if form.scope is None or form.scope == report_ord) if m]
            if not found:
                break
            matches.append(max(found, key=lambda m: (m.tier, m.quality, m.frequency)))
        else:
            origins = {m.form.origin for m in matches}
            if origins == {"typed"} and all(m.form.kind == "exact" for m in matches):
                tier = 4 if len(word_forms) == 1 or candidate.count(phrase) else 3  # the phrase, or every word apart
            elif origins <= {"typed", "concept"}:
                tier = 2
            else:
                tier = 1
            floor, span = TIER_BANDS[tier]
            score = round(floor + span * ranker.relevance(matches, len(text)), 1)
            yield (-tier, -score, rowid), score, row, candidate, matches


# A capped search counts the paragraphs it did not rank up to this many (the count costs ~1 ms a
# 20,000 paragraphs; past this, "more than" says enough).
COUNTED_BEYOND_CAP = 20 * CANDIDATE_CAP


def _capped_note(scope: _Scope, expression: str | None, cap: int) -> str:
    """Say that only the first `cap` candidates were ranked, of how many: on a large index the
    rest (better matches among them) lie in later reports."""
    if expression is None:  # candidates from a scan of every paragraph: no index to count with
        counted = f"more than {cap:,}"
    else:
        found = scope.matching(expression, COUNTED_BEYOND_CAP)
        counted = f"more than {COUNTED_BEYOND_CAP:,}" if found >= COUNTED_BEYOND_CAP else f"{found:,}"
    return (f"ranked the first {cap:,} of {counted} paragraphs that may match, in index order: better matches may be "
            "among the rest; narrow with --report, --region, --year, --level or --section (--limit 0 ranks them all)")


def _hit(scope: _Scope, key: tuple, score: float, row, candidate: _Candidate, matches: list[_Match]) -> Hit:
    _, report_ord, paragraph_id, section_id, text = row
    spans = merge([span for match in matches for span in _spans(match, candidate.folded)])
    tier = -key[0]
    return Hit(report=scope.report_id(report_ord), paragraph=paragraph_id,
               section=scope.path(report_ord, section_id), score=score, text=text,
               matches=[list(span) for span in spans], match=MATCH_OF_TIER[tier])


def search(store: Store, query: list[str], selection: ReportFilter | None = None,
           section: str | None = None, limit: int = 20, exact: bool = False) -> SearchResult:
    words = query_words(query)
    scope = _Scope(store, selection, section)
    vocabulary = Vocabulary(store)
    ranker = _Ranker(store, vocabulary)
    phrase = "".join(words)
    cap = 0 if limit == 0 else CANDIDATE_CAP
    wide_cap = 0 if limit == 0 else WIDE_CANDIDATE_CAP

    exact_forms = [[Form("exact", word)] for word in words]
    expression = _query_expression(exact_forms)
    rowids = scope.candidates(expression, cap, exclude=set())
    capped = bool(cap) and len(rowids) >= cap
    results = list(_evaluate(store.paragraph_rows(rowids), exact_forms, phrase, scope, ranker))
    notes: list[str] = [_capped_note(scope, expression, cap)] if capped else []

    # Concepts: a shorthand also finds its long forms (and a slogan its members), and the reverse,
    # ranked after what matches as typed (and always tried: the report may write either form).
    concept_forms = [[Form("exact", word), *([] if exact else search_forms(store, word))] for word in words]
    if any(len(forms) > 1 for forms in concept_forms):
        more = scope.candidates(_query_expression(concept_forms), wide_cap, exclude=set(rowids))
        found = list(_evaluate(store.paragraph_rows(more), concept_forms, phrase, scope, ranker))
        if found and not results:
            used = dict.fromkeys(match.form.describe() for *_, matches in found for match in matches
                                 if match.form.origin == "concept")
            notes.append(f"no paragraph contains “{' '.join(query).strip()}” as typed; showing paragraphs that write the same "
                         f"concept: {', '.join(list(used)[:4])} (--exact shows only exact matches)")
        results += found
        rowids = rowids + more

    if not results and not exact:  # widen only a query that found nothing as typed (nor as a concept)
        typed = " ".join(query).strip()
        if all(re.fullmatch(r"[a-z]+", word) for word in words) and len(words) > 1:
            words = ["".join(words)]  # la ji fen lei: pinyin typed with spaces
            phrase = words[0]
        wide_forms = [[Form("exact", word), *widen(word, vocabulary)] for word in words]
        expression = _query_expression(wide_forms)
        if expression and any(len(forms) > 1 for forms in wide_forms):
            more = scope.candidates(expression, wide_cap, exclude=set(rowids))
            capped = capped or bool(wide_cap) and len(more) >= wide_cap
            results += _evaluate(store.paragraph_rows(more), wide_forms, phrase, scope, ranker)
        if results:
            used = dict.fromkeys(match.form.describe() for *_, matches in results for match in matches
                                 if match.form.origin != "typed")
            notes.append(f"no paragraph contains “{typed}” as typed; these matches are approximate: "
                         f"{', '.join(list(used)[:4])} (--exact shows only exact matches)")

    results.sort(key=lambda result: result[0])
    chosen = results if limit == 0 else results[:limit]
    return SearchResult(hits=[_hit(scope, *result) for result in chosen], total=len(results), capped=capped,
                        notes=notes)
