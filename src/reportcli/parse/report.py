"""parse_report: the whole text of a report → Report (pure; no I/O)."""
from __future__ import annotations

import re

from reportcli.models import Metadata, Paragraph, Report, Section
from reportcli.parse import front
from reportcli.parse.decode import html_to_text, looks_like_html
from reportcli.parse.glossary import is_glossary_heading, parse_glossary
from reportcli.parse.goals import extract_goals
from reportcli.parse.sections import INTERJECTION, build_tree, heading_of
from reportcli.text import fold, normalize_newlines

_TERMINAL = "。!?;:”」』)…"
# Markdown a report may be saved as: heading marks, emphasis and list bullets carry no text.
_MARKDOWN = re.compile(r"^#{1,6}\s+|^[*+]\s+|^>\s?|\*\*|__")
_HEADER_SCAN = 40  # front matter lies within the first lines before the body


def parse_report(text: str) -> Report:
    """Parse a report's text (plain or an HTML page) into metadata, sections, paragraphs, terms."""
    if looks_like_html(text):
        text = html_to_text(text)
    text = normalize_newlines(text).lstrip("\ufeff")
    lines = [_MARKDOWN.sub("", line.strip()).strip() for line in text.split("\n")]
    folded = [fold(line) for line in lines]

    body_start = _first_body_line(folded)
    header = front.read_header(lines, folded, min(body_start, _HEADER_SCAN))
    glossary_start = next((i for i in range(len(lines)) if is_glossary_heading(folded[i])), None)
    if glossary_start is None and header.title and "名词解释" in fold(header.title):
        # A glossary published as a page of its own: everything after its title is glossary.
        glossary_start = max(i for i in header.consumed if lines[i] == header.title)
    body_end = glossary_start if glossary_start is not None else len(lines)

    # Lines before the report's front matter ends that are neither metadata nor prose are page
    # navigation; only when the text has front matter at all (a bare excerpt keeps every line).
    chrome_end = max(header.consumed) if header.consumed and (header.title or header.meeting) else -1
    body = _merge_wrapped([(lines[i], folded[i]) for i in range(body_end)
                           if lines[i] and i not in header.consumed and not front.is_boilerplate(folded[i])
                           and not (i < chrome_end and front.is_header_chrome(folded[i]))])
    sections, paragraphs = build_tree(body)
    terms: list = []
    warnings: list[str] = []
    if glossary_start is not None:
        # The heading as written, unless it was the page title (a glossary page of its own).
        label = lines[glossary_start] if glossary_start not in header.consumed else "名词解释"
        glossary_lines = [(lines[i], folded[i]) for i in range(glossary_start + 1, len(lines))
                          if lines[i] and not front.is_boilerplate(folded[i])]
        section, glossary_paragraphs, terms = _glossary(label, glossary_lines, sections, len(paragraphs))
        sections.append(section)
        paragraphs.extend(glossary_paragraphs)
        if not terms:
            warnings.append("a glossary heading was found but no entries could be read from it")
    body_paragraphs = sum(1 for p in paragraphs if p.section is None or sections[p.section - 1].kind == "body")
    if not any(s.kind == "body" for s in sections) and body_paragraphs > 3:
        warnings.append(f"no section headings recognised; indexed as {body_paragraphs} flat paragraphs")

    region, level = front.region_from([
        ("meeting", header.meeting or "", fold(header.meeting or "")),
        ("org", header.speaker_org or "", fold(header.speaker_org or "")),
        ("org", header.fields.get("发布机构", ""), fold(header.fields.get("发布机构", ""))),
        ("title", header.title or "", fold(header.title or "")),
    ])
    year = front.year_from(header.date, fold(header.title) if header.title else None)
    figures = _figures(paragraphs, sections, year)
    body = [p for p in paragraphs if p.section is None or sections[p.section - 1].kind == "body"]
    goals = extract_goals(body, sections, figures, year)
    metadata = Metadata(
        title=header.title or header.fields.get("名称") or None,
        region=region,
        level=level,
        year=front.year_from(header.date, fold(header.title) if header.title else None),
        date=header.date,
        meeting=header.meeting,
        office=header.office,
        speaker=header.speaker,
        publisher=header.fields.get("发布机构") or header.fields.get("来源") or header.fields.get("信息来源"),
        published=front.published_from(header.fields),
    )
    return Report(metadata=metadata, sections=tuple(sections), paragraphs=tuple(paragraphs),
                  terms=tuple(terms), warnings=tuple(warnings), figures=tuple(figures), goals=tuple(goals))


def _figures(paragraphs: list[Paragraph], sections: list[Section], year: int | None) -> list:
    """Figures of the body (a glossary's definitions are not the report's figures)."""
    from reportcli.parse.figures import extract_figures

    by_id = {section.id: section for section in sections}
    found = []
    for paragraph in paragraphs:
        section = by_id.get(paragraph.section)
        if section is not None and section.kind == "glossary":
            continue
        found.extend(extract_figures(paragraph.text, paragraph.id, section=section.path if section else "",
                                     report_year=year))
    return found


def _glossary(label: str, lines: list[tuple[str, str]], sections: list[Section], paragraph_count: int):
    """The glossary's section (last at the top level), its paragraphs and its terms."""
    section = Section(id=len(sections) + 1, parent=None, level=1,
                      number=str(sum(1 for s in sections if s.parent is None) + 1),
                      label=label, title="名词解释", path=label, kind="glossary")
    paragraphs = [Paragraph(paragraph_count + 1 + n, section.id, line) for n, (line, _) in enumerate(lines)]
    terms = parse_glossary([(p.id, p.text, folded) for p, (_, folded) in zip(paragraphs, lines)])
    return section, paragraphs, terms


def _first_body_line(folded: list[str]) -> int:
    """Index of the first line that is clearly body text: a heading, 各位代表, or prose."""
    for index, line in enumerate(folded):
        if INTERJECTION.match(line) or heading_of(line) is not None and "、" in line[:4]:
            return index
        if len(line) >= 60 and "。" in line and not front.is_boilerplate(line):
            return index
    return len(folded)


def _merge_wrapped(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Re-join hard-wrapped lines (text copied from PDFs): a long line with no closing
    punctuation continues on the next line unless that line starts a heading."""
    merged: list[tuple[str, str]] = []
    for line, folded_line in lines:
        if merged:
            previous, previous_folded = merged[-1]
            if (len(previous_folded) >= 20 and previous_folded[-1] not in _TERMINAL
                    and heading_of(previous_folded) is None and heading_of(folded_line) is None
                    and not INTERJECTION.match(folded_line) and not is_glossary_heading(folded_line)
                    and re.match(r"[\u4e00-\u9fff\w“\"(]", folded_line)):
                merged[-1] = (previous + line, previous_folded + folded_line)
                continue
        merged.append((line, folded_line))
    return merged
