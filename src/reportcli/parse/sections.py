"""The section tree of a report body: 一、 → (一) → 一是 / 1. → (1) → ①.

Each marker style has a rank; a heading closes every open section of the same or a deeper
rank and opens a child of what remains, so excerpts that start mid-tree and reports that skip
a level still nest sensibly. 各位代表! interjections are paragraphs; they close sub-sections
back to the current part, where the speech's rhetoric places them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportcli.models import Paragraph, Section
from reportcli.parse.lexicon import STATEMENT_ENDS

_CN = "一二三四五六七八九十"
MARKER_STYLES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("part", 0, re.compile(rf"^第[{_CN}]{{1,3}}部分\s*")),
    ("chinese", 1, re.compile(rf"^[{_CN}]{{1,3}}\s*(?:、|\.)\s*")),  # 一、, and 一． as some type it
    ("paren_chinese", 2, re.compile(rf"^\(\s*[{_CN}]{{1,3}}\s*\)\s*")),
    ("is_clause", 3, re.compile(rf"^[{_CN}]{{1,3}}是(?=[^\s,、。:;])")),
    ("ordinal", 3, re.compile(rf"^第[{_CN}]{{1,3}}\s*[,、:]\s*")),
    ("arabic", 4, re.compile(r"^\d{1,2}\s*[.、](?![\d%])\s*")),
    ("paren_arabic", 5, re.compile(r"^\(\s*\d{1,2}\s*\)\s*")),
    ("circled", 6, re.compile(r"^[①-⑳]\s*")),
    # A news summary's topic line (【2023年主要预期目标】, 【过去五年】): a part of its own. Page
    # chrome in brackets (【字体:大 中 小】, 【打印】【关闭】) has a colon, a space or a second pair.
    ("bracketed", 1, re.compile(r"^【(?=[^【】:\s]{2,30}】$)")),
)
INTERJECTION = re.compile(r"^各位代表\s*[!,:;。]?\s*$|^各位代表[!:]")
_SENTENCE_END = re.compile(f"[{STATEMENT_ENDS}]")
_TITLE_END = re.compile(r"[。!?;:]")  # （一）关于经济发展：全年…: the title ends at the colon


@dataclass(frozen=True)
class Heading:
    style: str
    rank: int
    marker_length: int  # characters of the marker at the start of the line


def heading_of(folded_line: str) -> Heading | None:
    for style, rank, pattern in MARKER_STYLES:
        match = pattern.match(folded_line)
        if match and match.end() < len(folded_line):
            return Heading(style, rank, match.end())
    return None


def is_heading_only(heading: Heading, folded_line: str) -> bool:
    """True when the line is a bare heading; otherwise it is also a paragraph of body text."""
    rest = folded_line[heading.marker_length:].rstrip("。")
    if heading.style == "is_clause" or _SENTENCE_END.search(rest):
        return False
    if heading.rank >= 3:
        return False  # 1.地区生产总值增长6%左右: numbered items below 一、/(一) are content as well as headings
    if heading.rank == 2 and re.search(r"[:\d]", rest):
        return False  # （一）关于经济发展：全年…增长5%: a heading that goes on into its content
    limit = 60 if heading.rank <= 1 else 40
    return len(rest) <= limit


def title_of(heading: Heading, line: str, folded_line: str) -> str:
    """The heading's first sentence, without its marker."""
    rest, folded_rest = line[heading.marker_length:], folded_line[heading.marker_length:]
    end = _TITLE_END.search(folded_rest)
    title = rest[: end.start()] if end else rest
    if heading.style == "bracketed":
        title = title.rstrip().removesuffix("】")
    return title.strip().rstrip(",，:：")


@dataclass
class _Open:
    rank: int
    section: Section
    children: int = 0


def build_tree(lines: list[tuple[str, str]], first_paragraph_id: int = 1,
               ) -> tuple[list[Section], list[Paragraph]]:
    """Sections and paragraphs from body lines given as (text, folded text) pairs."""
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    stack: list[_Open] = []
    top_level_count = 0
    for line, folded_line in lines:
        heading = heading_of(folded_line)
        if heading is not None:
            while stack and stack[-1].rank >= heading.rank:
                stack.pop()
            parent = stack[-1] if stack else None
            if parent is None:
                top_level_count += 1
                number = str(top_level_count)
            else:
                parent.children += 1
                number = f"{parent.section.number}.{parent.children}"
            title = title_of(heading, line, folded_line)
            label = f"【{title}】" if heading.style == "bracketed" else line[: heading.marker_length].strip() + title
            path = f"{parent.section.path} > {label}" if parent else label
            section = Section(id=len(sections) + 1, parent=parent.section.id if parent else None,
                              level=len(stack) + 1, number=number, label=label, title=title, path=path)
            sections.append(section)
            stack.append(_Open(heading.rank, section))
            if is_heading_only(heading, folded_line):
                continue
        elif INTERJECTION.match(folded_line):
            del stack[1:]
        current = stack[-1].section.id if stack else None
        paragraphs.append(Paragraph(id=first_paragraph_id + len(paragraphs), section=current, text=line))
    return sections, paragraphs

