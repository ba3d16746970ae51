"""The 名词解释 glossary: finding its heading and reading its entries into terms.

Formats vary between reports: the heading (名词解释, 名 词 解 释, 注释, 附注, 《政府工作报告》
名词解释), numbering (1. 1、 (1) ① or none), separators (: 是指 指 即), definitions over
several lines, and compound headings (“六稳”“六保”) whose definition defines each part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportcli.models import Term
from reportcli.text import fold

GLOSSARY_HEADING = re.compile(
    r"^(?:附件?\s*[:]?\s*\d?\s*[:]?\s*)?(?:《[^》]{0,30}》)?\s*(?:本报告|报告)?(?:有关|相关|中|所涉)?的?\s*"
    r"(?:名\s*词\s*解\s*释|名\s*词\s*注\s*释|注\s*释|附\s*注|词\s*语\s*解\s*释)\s*[:]?\s*$"
)
# Entry numbers: 1. 1、 (1) [1] ① 一、 (一) — up to five digits: a glossary may hold thousands of entries.
_ENTRY_NUMBER = re.compile(r"^(?:\d{1,5}\s*[.、．](?!\d)|\(\s*\d{1,5}\s*\)|\[\d{1,5}\]|[①-⑳]|"
                           r"[一二三四五六七八九十百]{1,4}\s*、|\(\s*[一二三四五六七八九十百]{1,4}\s*\))\s*")
# An alias in brackets after a term: 地区生产总值（GDP）, 国内生产总值(GDP), 研究与试验发展（R&D）.
_ALIAS = re.compile(r"\(\s*(?P<alias>[a-z0-9&.\-\s]{2,12}|[\u4e00-\u9fff]{2,8})\s*\)\s*$")
_LIST_OF_TERMS = re.compile(r"[、,，和与及]")
_QUOTED = re.compile(r"[“\"「『‘'【〖]([^”\"」』’'】〗]{1,30})[”\"」』’'】〗]")
_QUOTES = "“”\"「」『』‘’'【】〖〗"
_CONNECTORS = re.compile(r"^[\s、,和与及/]*$")
_SEPARATOR = re.compile(r"\s*[:]\s*|是指|指的是|指(?![导标挥数南出定示引针令])|即(?!将)")
_DASH = re.compile(r"\s*——\s*")  # 双碳——碳达峰、碳中和的简称: a dash right after a short term


def _separator(folded: str) -> re.Match | None:
    """Where an entry's term ends and its definition begins."""
    found = _SEPARATOR.search(folded)
    dash = _DASH.search(folded, 2, 18)
    return dash if dash and (found is None or dash.start() < found.start()) else found


_PART_DEFINITION = r"(?:^|(?<=[;；。,，\s]))(?P<part>[“\"「『]?{term}[”\"」』]?)\s*(?:是指|指|即|:|：|是)"


# A paragraph that opens with a term in quotes or brackets and a separator: 【一网通办】指…, “双碳”：…
_MARKED_TERM_START = re.compile(r"^[“\"「『【〖]([^”\"」』】〗]{1,30})[”\"」』】〗]\s*(?:[:]|是指|指的是|指(?![导标挥数南出定示引针令])|即(?!将)|——)")
# Marks a heading may end with before its separator (“双碳”目标。指…): no part of the term.
_HEADING_END_MARKS = "。.．，,；;、 "


def is_glossary_heading(folded_line: str) -> bool:
    return len(folded_line) <= 40 and GLOSSARY_HEADING.match(folded_line) is not None


@dataclass(frozen=True)
class _Entry:
    paragraph: int
    text: str  # the entry without its number, continuation lines joined
    folded: str


def read_entries(lines: list[tuple[int, str, str]]) -> list[_Entry]:
    """Group glossary paragraphs (id, text, folded) into entries."""
    numbered = sum(1 for _, _, folded in lines if _ENTRY_NUMBER.match(folded))
    entries: list[_Entry] = []
    for paragraph_id, text, folded in lines:
        number = _ENTRY_NUMBER.match(folded)
        if numbered:
            # an entry left unnumbered among numbered ones still opens with its term: 【一网通办】指…
            starts_entry = number is not None or _MARKED_TERM_START.match(folded) is not None
        else:
            separator = _separator(folded)
            starts_entry = separator is not None and separator.start() <= 30
        if number:
            text, folded = text[number.end():], folded[number.end():]
        if starts_entry or not entries:
            entries.append(_Entry(paragraph_id, text, folded))
        else:
            last = entries[-1]
            entries[-1] = _Entry(last.paragraph, last.text + "\n" + text, last.folded + "\n" + folded)
    return entries


_LINE_BREAK = re.compile(r"\s*\n\s*")


def terms_of(entry: _Entry) -> list[Term]:
    separator = _separator(entry.folded)
    line_break = _LINE_BREAK.search(entry.folded)
    if line_break and 0 < line_break.start() <= 30 and (separator is None or separator.start() > line_break.start()):
        separator = line_break  # 1．“六稳” | 稳就业、稳金融…: the term on a line of its own, its definition below
    if separator is None or separator.start() == 0:
        return []
    heading = entry.text[: separator.start()].strip()
    heading = heading.rstrip(_HEADING_END_MARKS)
    # After a colon or a dash the definition is what follows; 是指/即 belong to the definition's wording.
    cut = separator.end() if ":" in separator.group() or "—" in separator.group() or "\n" in separator.group() \
        else separator.start()
    definition = entry.text[cut:].strip()
    folded_heading = entry.folded[: separator.start()].strip()[:len(heading)]  # fold keeps lengths
    bracket_alias = None
    alias_match = _ALIAS.search(folded_heading)
    if alias_match and alias_match.start() > 0:
        # 地区生产总值（GDP）: a term and its abbreviation, both defined here
        bracket_alias = heading[alias_match.start("alias"):alias_match.end("alias")].strip()
        heading_core, folded_core = heading[:alias_match.start()].strip(), folded_heading[:alias_match.start()].strip()
    else:
        heading_core, folded_core = heading, folded_heading
    quoted = _QUOTED.findall(heading_core)
    unquoted_rest = _QUOTED.sub("", folded_core)
    if len(quoted) == 1 and not unquoted_rest.strip() and _LIST_OF_TERMS.search(quoted[0]):
        quoted = [part.strip() for part in re.split(r"[、,，]", quoted[0]) if part.strip()]  # “三个结合、四个聚焦”
    if len(quoted) >= 2 and _CONNECTORS.match(unquoted_rest):
        # A compound heading such as “六稳”“六保”: one term per part, each with its own
        # part of the definition when the definition spells the parts out.
        parts = _split_definition(quoted, definition)
        return [Term(term=part, heading=heading, definition=parts.get(part, definition),
                     aliases=(), paragraph=entry.paragraph) for part in quoted]
    term = "".join(ch for ch in heading_core if ch not in _QUOTES).strip()
    aliases = [alias for alias in quoted if alias != term]
    if quoted and heading_core != term:
        # 绿色“领跑者”企业: also found from its quoted word on (“领跑者”企业 → 领跑者企业)
        tail = "".join(ch for ch in heading_core[heading_core.find(quoted[0]) - 1:] if ch not in _QUOTES).strip()
        if tail and tail != term and tail not in aliases:
            aliases.append(tail)
    if heading != term:
        aliases.insert(0, heading)
    if bracket_alias:
        aliases.append(bracket_alias)
    return [Term(term=term, heading=heading, definition=definition, aliases=tuple(dict.fromkeys(aliases)),
                 paragraph=entry.paragraph)]


def _split_definition(parts: list[str], definition: str) -> dict[str, str]:
    starts = []
    for part in parts:
        match = re.search(_PART_DEFINITION.format(term=re.escape(part)), definition)
        if match is None:
            return {}
        starts.append((match.start("part"), part))
    starts.sort()
    pieces = {}
    for (start, part), following in zip(starts, starts[1:] + [(len(definition), "")]):
        pieces[part] = definition[start:following[0]].strip().rstrip(";；,，")
    return pieces


def parse_glossary(lines: list[tuple[int, str, str]]) -> list[Term]:
    """Terms from glossary paragraphs given as (paragraph id, text, folded text)."""
    terms: list[Term] = []
    for entry in read_entries(lines):
        terms.extend(terms_of(entry))
    return terms


_DROP_QUOTES = str.maketrans("", "", _QUOTES)
_QUOTE_MARK = re.compile("[" + re.escape(_QUOTES) + "]")


def mention_forms(term: Term) -> list[str]:
    """The folded, quote-free strings whose presence in a paragraph counts as a mention."""
    forms = {fold(form).translate(_DROP_QUOTES) for form in (term.term, *term.aliases)}
    return sorted(form for form in forms if len(form) >= 2)


def find_mentions(terms: list[Term], paragraphs: list[tuple[int, str]]) -> list[list[int]]:
    """For each term, the ids of the (id, folded text) paragraphs that mention it, quote marks ignored."""
    if not terms:
        return []
    # Deleting a character class is one C scan; translate looks every character up (8× slower here).
    unquoted = [(paragraph_id, _QUOTE_MARK.sub("", text)) for paragraph_id, text in paragraphs]
    found = []
    for term in terms:
        forms = mention_forms(term)
        found.append([paragraph_id for paragraph_id, text in unquoted if any(form in text for form in forms)])
    return found


# A glossary published without its heading (a news item listing the year's terms): numbered
# "term: definition" lines that run to the end of the text.
_ENTRY_LIKE = re.compile(r"^(?:\d{1,5}\s*[.、．](?!\d)|\(\s*\d{1,5}\s*\)|[①-⑳]|[一二三四五六七八九十]{1,3}\s*、)\s*"
                         r"[“\"「『]?[^:,。;]{2,24}?[”\"」』]?(?:\([^()]{1,12}\))?\s*(?::|是指|指的是)\s*\S")
_GLOSSARY_CUE = re.compile(r"名词|新词|热词|词汇|术语|关键词|词条|释义|读懂|解读|小贴士|划重点")
_ENTRY_MIN_LENGTH = 16


def headless_glossary_start(folded_lines: list[str]) -> int | None:
    """Where a glossary without a 名词解释 heading starts, or None: at least three numbered
    entries that make up most of the lines from the first of them to the end, in a text that
    says it explains terms (热词, 新词, 名词…) or consists mostly of them."""
    entries = [i for i, line in enumerate(folded_lines) if len(line) >= _ENTRY_MIN_LENGTH and _ENTRY_LIKE.match(line)]
    if len(entries) < 3:
        return None
    first = entries[0]
    rest = [line for line in folded_lines[first:] if line.strip()]
    if len(entries) < 0.5 * len(rest):
        return None
    substantive = [line for line in folded_lines if len(line.strip()) >= 8]
    cue = any(_GLOSSARY_CUE.search(line) for line in folded_lines[:first][-12:])
    if not cue and len(entries) < 0.6 * len(substantive):
        return None
    return first
