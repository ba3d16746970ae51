"""The search vocabulary, built at index time: every jieba word with its document frequency
and toneless pinyin keys (full and initials).

Queries never load jieba or pypinyin (about a second between them); they look words, pinyin
and frequencies up in this table instead.
"""
from __future__ import annotations

import re
from collections import Counter

_HAS_WORD_CHAR = re.compile(r"[^\W_]")
_ALL_CJK = re.compile(r"^[\u3400-\u9fff]+$")


def document_frequencies(folded_paragraphs: list[str]) -> Counter:
    """How many of the (folded) paragraphs each word is in; punctuation and spaces are not words."""
    from reportcli.parse.segment import segmenter

    words = segmenter().words
    counts: Counter = Counter()
    for text in folded_paragraphs:
        counts.update(set(words(text)))
    # what is not a word is dropped once a report, not once a paragraph (a report's ~6,000 words
    # in its paragraphs are ~1,600 distinct ones)
    for word in [word for word in counts if not (word.isalnum() or _HAS_WORD_CHAR.search(word))]:
        del counts[word]
    return counts


def pinyin_keys(word: str) -> tuple[str, str] | None:
    """(full toneless pinyin, initials) of an all-CJK word: 垃圾 → ("laji", "lj")."""
    if not _ALL_CJK.match(word):
        return None
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
    if len(syllables) != len(word):
        return None
    return "".join(syllables), "".join(s[0] for s in syllables)


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")


def lookup_keys(forms: list[str]) -> list[str]:
    """Keys a glossary term is found by: each folded form, its toneless pinyin and its
    initials, Latin and digits kept (疫情防控22条 → yiqingfangkong22tiao, yqfk22t)."""
    from pypinyin import Style, lazy_pinyin

    keys: list[str] = []
    for form in forms:
        full, initials = [], []
        for run in _CJK_RUN.findall(form):
            if _ALL_CJK.match(run):
                syllables = lazy_pinyin(run, style=Style.NORMAL, errors="ignore")
                full.extend(syllables)
                initials.extend(s[:1] for s in syllables)
            else:
                kept = re.sub(r"\W", "", run)
                full.append(kept)
                initials.append(kept)
        keys.extend((form, "".join(full), "".join(initials)))
    return [key for key in dict.fromkeys(keys) if key]
