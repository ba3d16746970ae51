"""The one matcher: how every command finds what the user typed in report text and names.

Every comparison folds width, script and case first (text.fold). Beyond the exact text, a word
may match as toneless pinyin or its initials (lajifenlei, ljfl → 垃圾分类, through the index
vocabulary), as an unspaced run of vocabulary words in any order (环境营商), or with typos: one
wrong, missing or extra character in words of 3–7 characters, two from 8 (TYPOS_FROM). Names
(indicators, glossary terms) that do not contain the query are compared with rapidfuzz, and
count as the same above SIMILAR. search, metrics, goals, trend, define and count all use these
rules, so a query forgives the same mistakes wherever it is typed.
"""
from __future__ import annotations

import math
import re

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.record import Record
from reportcli.text import fold, gram_runs, gram_tokens

# Candidate generation uses at most this many bigrams of a word; verification checks it all.
MAX_TOKENS_PER_WORD = 24
FUZZY_MAX_LENGTH = 40
# Typos forgiven: none below 3 characters (and in Latin words below 6 letters: ipv6 and ipv4
# differ meaningfully), one from 3, two from TYPOS_FROM characters.
TYPOS_FROM = 8
# rapidfuzz similarity (0–100) above which two names are taken for the same thing.
SIMILAR = 75


def allowed_typos(length: int) -> int:
    return 0 if length < 3 else 2 if length >= TYPOS_FROM else 1


def fold_query(text: str) -> str:
    """A query as compared: folded, without spaces."""
    return "".join(fold(text).split())


class Form(Record):
    """One way a query word may appear: exact text, all of several parts, or fuzzily; and where
    the form came from: the word as typed, or pinyin, a split, a typo, a concept (shorthand)."""

    kind: str  # "exact", "parts", "members" (enough of parts) or "fuzzy"
    text: str
    parts: tuple[str, ...] = ()
    origin: str = "typed"  # typed / pinyin / split / typo / concept
    scope: int | None = None  # a report's own concept (from its glossary) applies to that report only
    needed: int = 0  # for "members": how many of the parts a paragraph must name

    def describe(self) -> str:
        shown = " + ".join(self.parts) if self.kind == "parts" else self.text
        if self.kind == "members":
            return f"{self.text}: {self.needed}+ of {'、'.join(self.parts)}"
        how = {"pinyin": "pinyin", "split": "words apart", "typo": "with a typo", "concept": "same concept"}
        return f"{shown} ({how.get(self.origin, self.origin)})"


_VARIANT_SOURCES: dict[str, str] = {}
_VARIANT_PATTERNS: dict[str, re.Pattern[str]] = {}


def variants_of(needle: str) -> re.Pattern[str]:
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


class Vocabulary:
    """Lookups in the index's vocabulary (word → df, pinyin keys), cached per query."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._df: dict[str, int | None] = {}
        self._by_key: dict[str, list[tuple[str, int, bool]]] = {}

    def df(self, word: str) -> int | None:
        if word not in self._df:
            self._df[word] = self.store.document_frequency(word)
        return self._df[word]

    def by_pinyin(self, key: str) -> list[tuple[str, int, bool]]:
        """(word, df, by initials) for words whose full pinyin or initials are `key`, most frequent first."""
        if key not in self._by_key:
            self._by_key[key] = self.store.words_by_pinyin(key)
        return self._by_key[key]


def segment_with_vocabulary(word: str, vocabulary: Vocabulary) -> tuple[str, ...] | None:
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
            forms.append(Form("exact", phrase, origin="pinyin"))
            if len(words) > 1 and not by_initials:  # initials are too ambiguous to match apart
                forms.append(Form("parts", phrase, words, origin="pinyin"))
    elif len(word) >= 3:
        parts = segment_with_vocabulary(word, vocabulary)
        if parts:
            forms.append(Form("parts", word, parts, origin="split"))
    # Typos are forgiven in Chinese words of 3+ characters and Latin words of 6+ letters;
    # shorter codes (ipv6, 5g) differ meaningfully by one character.
    cjk = sum(1 for ch in word if "\u3400" <= ch <= "\u9fff")
    if len(word) <= FUZZY_MAX_LENGTH and (cjk >= 3 or (cjk == 0 and len(word) >= 6)) \
            and not re.fullmatch(r"[a-z]+", word) and gram_tokens(word):
        forms.append(Form("fuzzy", word, origin="typo"))
    return forms


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


def fuzzy_spans(word: str, folded_text: str) -> tuple[list[tuple[int, int]], int]:
    """Windows of the text within the allowed edit distance of the word (anchored on an intact
    half: one edit leaves one half whole), merged, and the smallest distance found."""
    from rapidfuzz.distance import Levenshtein

    n, half = len(word), len(word) // 2
    allowed = max(1, allowed_typos(n))
    spans: list[tuple[int, int]] = []
    best = allowed + 1
    anchors = [(start, "left") for start, _ in find_all(folded_text, word[:half])]
    anchors += [(end, "right") for _, end in find_all(folded_text, word[half:])]
    for position, side in anchors:
        for length in range(n - allowed, n + allowed + 1):
            start, end = (position, position + length) if side == "left" else (position - length, position)
            if start < 0 or end > len(folded_text):
                continue
            distance = Levenshtein.distance(word, folded_text[start:end], score_cutoff=allowed)
            if distance <= allowed:
                best = min(best, distance)
                spans.append((start, end))
    return merge(spans), best


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]




def within_typos(query: str, key: str) -> float:
    """0–100: 100 for the same key; rapidfuzz similarity when the key is within the allowed
    edits of the query (define: 六保 does not answer for 六稳 unless nothing closer exists); else 0."""
    if query == key:
        return 100.0
    allowed = allowed_typos(len(query))
    if not allowed:
        return 0.0
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    if Levenshtein.distance(query, key, score_cutoff=allowed) > allowed:
        return 0.0
    return min(99.0, fuzz.ratio(query, key))


def similarity(a: str, b: str) -> float:
    """rapidfuzz similarity (0–100) of two folded names."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def partial_similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(a, b)


class TextMatcher:
    """Does a name or a clause contain what the user typed (text or toneless pinyin)? For
    metrics, goals and trend, whose QUERY names an indicator."""

    def __init__(self, store: Store, query: str) -> None:
        self.needle = fold_query(query)
        if not self.needle:
            raise UsageError("the query is empty")
        self.needles = [self.needle]
        if re.fullmatch(r"[a-z]{2,60}", self.needle):
            self.needles += ["".join(words) for words, _ in pinyin_phrases(self.needle, Vocabulary(store))]

    def contains(self, *texts: str) -> bool:
        if any("\n" in needle for needle in self.needles):  # it may span the texts, as they are joined
            haystack = "\n".join(fold(text) for text in texts)
            return any(needle in haystack for needle in self.needles)
        # Folding costs more than the test (metrics 就业 tests 260,000 clauses on 20,000 reports): a
        # text is folded only when it holds a character that folds into a needle (fold is idempotent,
        # so a needle found in the raw text is in the folded text too).
        for text in texts:
            for needle in self.needles:
                if needle in text or variants_of(needle).search(text) and needle in fold(text):
                    return True
        return False

    def narrowing(self, store: Store) -> tuple[list[int], str] | None:
        """(ids of the index's names `contains` holds for, an FTS expression every paragraph that
        contains a needle matches): the rows whose indicator or clause — cut from its paragraph —
        may contain the query (Store.figures_by_report / goals_by_report `naming`). None when a
        needle has no bigram to match (punctuation only): then every row is tested."""
        expressions = [tokens_expression(needle) for needle in self.needles]
        if not all(expressions) or any("\n" in needle for needle in self.needles):
            return None
        return store.name_ids(self.contains), " OR ".join(f"({expression})" for expression in expressions)

    def close(self, name: str) -> bool:
        """Nothing as typed: forgive a wrong or missing character in the name."""
        return len(self.needle) >= 3 and partial_similarity(self.needle, fold(name)) >= SIMILAR
