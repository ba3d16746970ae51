"""Text normalisation shared by parsing, indexing and querying.

`fold` is the one normaliser: full-width → half-width, traditional → simplified, Latin lower
case, odd spaces → space. It maps character for character, so an offset into folded text is
the same offset into the original — search highlights and figure offsets rely on that.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import add

from reportcli._t2s import SIMPLIFIED, TRADITIONAL


def _build_fold_table() -> dict[int, int]:
    # One maketrans over all pairs (later pairs win): a third cheaper at start-up than
    # building the same table in steps.
    wide = "".join(map(chr, range(0xFF01, 0xFF5F)))  # ！ … ～ → ! … ~
    spaces = "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\t"
    capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    wide_capitals = "".join(map(chr, range(0xFF21, 0xFF3B)))  # Ａ … Ｚ → a … z, not A … Z
    # ∶ (the ratio sign typesetters use in 5.1∶38.2∶56.7) and the small forms ﹪ ﹕ ﹔ ﹐ read as ASCII
    marks, ascii_marks = "\u2236\ufe6a\ufe55\ufe54\ufe50", ":%:;,"
    return str.maketrans(wide + TRADITIONAL + spaces + capitals + wide_capitals + marks,
                         "".join(map(chr, range(0x21, 0x7F))) + SIMPLIFIED + " " * len(spaces)
                         + capitals.lower() * 2 + ascii_marks)


FOLD_TABLE = _build_fold_table()


@lru_cache(maxsize=2048)
def fold(text: str) -> str:
    """Fold width, script and case, keeping length (see module docstring).

    Cached: parsing folds each paragraph a dozen times in different places (translate with a
    4,000-entry table costs ~25 ns a character; the cache hit, a hash the string already
    holds)."""
    return text.translate(FOLD_TABLE)


# A year in Chinese digits (一九九七年, 二〇二五年, 二零二零年): four characters, as its Arabic form.
_CHINESE_YEAR = re.compile("(?:一九|二[〇零])[〇零一二三四五六七八九]{2}(?=年)")
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def with_arabic_years(folded: str) -> str:
    """Years written in Chinese digits rewritten in Arabic ones, offsets kept (一九九七年 → 1997年),
    so that every rule about years reads both ways of writing them."""
    if "一九" not in folded and "二〇" not in folded and "二零" not in folded:
        return folded
    return _CHINESE_YEAR.sub(lambda match: match.group().translate(_YEAR_DIGITS), folded)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}

def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral below 10,000 (十五 → 15, 二〇二一 → 2021), or None.

    A run of bare digits (二〇二一) reads digit by digit, as years are written.
    """
    if not numeral or not all(ch in CHINESE_DIGITS or ch in CHINESE_UNITS for ch in numeral):
        return None
    if all(ch in CHINESE_DIGITS for ch in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    total, digit = 0, 0
    for ch in numeral:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        else:
            total += (digit or 1) * CHINESE_UNITS[ch]
            digit = 0
    return total + digit


def number_of(numeral: str) -> int | None:
    """An Arabic or Chinese numeral as an int (used for dates, section numbers)."""
    numeral = numeral.strip()
    if numeral.isdigit():
        return int(numeral)
    return chinese_to_int(numeral)


_WORD_RUN = re.compile(r"[^\W_]+")


def gram_runs(folded_text: str) -> list[str]:
    """Runs of letters and digits, the units that search tokens are cut from."""
    return _WORD_RUN.findall(folded_text)


def gram_tokens(folded_text: str) -> list[str]:
    """The search tokens of folded text: every character bigram inside runs of letters and
    digits (CJK or Latin), plus each run's last character on its own.

    Any substring of two or more characters is then found as the AND of its bigrams (and
    verified); any single character starts some token, so a one-character query is a prefix
    query over the same tokens.
    """
    tokens: list[str] = []
    for run in _WORD_RUN.findall(folded_text):
        tokens += map(add, run, run[1:])  # the bigrams, joined in C
        tokens.append(run[-1])
    return tokens
