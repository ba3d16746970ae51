"""Concepts: a shorthand and what it stands for — from the lexicon shipped with reportcli
(data/lexicon.toml) and from each report's own 名词解释 (an entry such as “六稳”是指稳就业、
稳金融… is a shorthand with its members; 地区生产总值（GDP） an abbreviation with its long form).

Build time only: the index stores every concept with its forms, so `search`, `define` and
`count --expand` look them up without reading the file or the glossary again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportcli.models import Term
from reportcli.text import fold

_QUOTES = str.maketrans("", "", "“”\"「」『』‘’'《》 \u3000")


@dataclass(frozen=True)
class Concept:
    term: str  # the shorthand as written
    expansions: tuple[str, ...]  # long forms that mean the same
    members: tuple[str, ...]  # the enumerated members of a numbered slogan
    definition: str | None
    period: str | None = None


def key_of(text: str) -> str:
    """How a shorthand or a form is compared: folded, without quote marks and spaces."""
    return fold(text).translate(_QUOTES).strip()


@lru_cache(maxsize=1)
def lexicon() -> tuple[Concept, ...]:
    from reportcli.resources import LEXICON, read_data_toml

    entries = read_data_toml(LEXICON)["entry"]
    return tuple(Concept(term=entry["term"], expansions=tuple(entry.get("expansions", ())),
                         members=tuple(entry.get("members", ())), definition=entry.get("definition"),
                         period=entry.get("period"))
                 for entry in entries)


# “六稳”是指稳就业、稳金融、稳外贸…; 即简政放权、放管结合、优化服务
_ENUMERATION = re.compile(r"^(?:[“\"][^”\"]{1,12}[”\"]\s*)?(?:是指|指的是|指|即|是)?\s*(?P<list>[^。；;:：]+)")


def from_glossary(terms: list[Term]) -> list[Concept]:
    """Concepts a report's glossary defines: a term with its abbreviation or long form (the
    bracketed alias), or a slogan with the members its definition enumerates."""
    concepts = []
    for term in terms:
        expansions = [alias for alias in term.aliases if _is_alternative(term, alias)]
        members: list[str] = []
        match = _ENUMERATION.match(term.definition.strip())
        if match:
            items = [item.strip(" ，,“”\"") for item in re.split(r"[、，,]", match.group("list"))]
            if 2 <= len(items) <= 12 and all(1 < len(item) <= 14 for item in items):
                members = items
                if len(match.group("list")) <= 40 and not re.search(r"\d", term.term):
                    expansions.append(match.group("list").strip())  # 放管服：即简政放权、放管结合、优化服务
        if expansions or members:
            concepts.append(Concept(term=term.term, expansions=tuple(dict.fromkeys(expansions)),
                                    members=tuple(members), definition=term.definition))
    return concepts


def _is_alternative(term: Term, alias: str) -> bool:
    """An alias that is another name for the term (GDP for 地区生产总值), not the heading with
    its quote marks or a part of it."""
    folded = key_of(alias)
    return bool(folded) and folded != key_of(term.term) and folded not in key_of(term.term) \
        and key_of(term.term) not in folded and len(folded) >= 2
