"""parse_report: the whole text of a report → Report (pure; no I/O)."""
from __future__ import annotations

import re

from reportcli.models import Metadata, Paragraph, Report, Section
from reportcli.parse import front
from reportcli.parse.decode import html_to_text, looks_like_html
from reportcli.parse.glossary import find_mentions, headless_glossary_start, is_glossary_heading, parse_glossary
from reportcli.parse.goals import extract_goals
from reportcli.parse.repair import repair_text
from reportcli.parse.sections import INTERJECTION, build_tree, heading_of
from reportcli.text import fold, normalize_newlines

# Markdown a report may be saved as: heading marks, emphasis and list bullets carry no text.
# (a - bullet before words, not before a page number: - 3 -)
_MARKDOWN = re.compile(r"^#{1,6}\s+|^[*+]\s+|^-\s+(?=[^\d\s\-])|^>\s?|\*\*|__")
_MARKDOWN_STARTS = frozenset("#*+->")
_HEADER_SCAN = 80  # front matter lies within the first lines (blank ones included) before the body


def parse_report(text: str, given: dict[str, tuple[object, str]] | None = None) -> Report:
    """Parse a report's text (plain or an HTML page) into metadata, sections, paragraphs, terms,
    figures and targets, after undoing publishing damage (parse.repair).

    `given` is metadata known from outside the text — a dataset row's columns, reports.toml —
    as field → (value, where it came from). It wins over what the text says, and is known before
    figures and targets are read (their year comes from the report's)."""
    if looks_like_html(text):
        text = html_to_text(text)
    text = "\n".join(_without_markdown(line) for line in normalize_newlines(text).lstrip("\ufeff").split("\n"))
    repaired = repair_text(text)
    lines = [line.strip() for line in repaired.text.split("\n")]
    folded = [fold(line) for line in lines]

    body_start = _first_body_line(folded)
    header = front.read_header(lines, folded, min(body_start, _HEADER_SCAN))
    glossary_start = next((i for i in range(len(lines)) if is_glossary_heading(folded[i])), None)
    headless = False
    if glossary_start is None and header.title and "名词解释" in fold(header.title):
        # A glossary published as a page of its own: everything after its title is glossary.
        glossary_start = max(i for i in header.consumed if lines[i] == header.title)
    if glossary_start is None:
        # A glossary without its heading (a news item listing terms): from its first entry on.
        glossary_start = headless_glossary_start(folded)
        headless = glossary_start is not None
    body_end = glossary_start if glossary_start is not None else len(lines)

    # Lines before the report's front matter ends that are neither metadata nor prose are page
    # navigation; only when the text has front matter at all (a bare excerpt keeps every line).
    chrome_end = max(header.consumed) if header.consumed and (header.title or header.meeting) else -1
    body = [(lines[i], folded[i]) for i in range(body_end)
            if lines[i] and i not in header.consumed and not front.is_boilerplate(folded[i])
            and not (i < chrome_end and front.is_header_chrome(folded[i]))]
    sections, paragraphs = build_tree(body)
    terms: list = []
    warnings: list[str] = []
    if glossary_start is not None:
        # The heading as written, unless it was the page title (a glossary page of its own).
        label = lines[glossary_start] if glossary_start not in header.consumed and not headless else "名词解释"
        glossary_lines = [(lines[i], folded[i]) for i in range(glossary_start + (0 if headless else 1), len(lines))
                          if lines[i] and not front.is_boilerplate(folded[i])]
        section, glossary_paragraphs, terms = _glossary(label, glossary_lines, sections, len(paragraphs))
        sections.append(section)
        paragraphs.extend(glossary_paragraphs)
        if not terms:
            warnings.append("a glossary heading was found but no entries could be read from it")
    body_paragraphs = sum(1 for p in paragraphs if p.section is None or sections[p.section - 1].kind == "body")
    if not any(s.kind == "body" for s in sections) and body_paragraphs > 3:
        warnings.append(f"no section headings recognised; indexed as {body_paragraphs} flat paragraphs")

    metadata, provenance, inferred = _metadata(header, lines, folded, given or {})
    unreadable: list[str] = []
    figures = with_codes(_figures(paragraphs, sections, metadata.year, unreadable), metadata.region)
    if unreadable:
        shown = "、".join(dict.fromkeys(numeral if len(numeral) <= 20 else numeral[:20] + "…"
                                       for numeral in unreadable[:5]))
        warnings.append(f"{len(unreadable)} Chinese numeral{'s' * (len(unreadable) != 1)} could not be read whole "
                        f"and {'were' if len(unreadable) != 1 else 'was'} skipped: {shown}")
    body = [p for p in paragraphs if p.section is None or sections[p.section - 1].kind == "body"]
    goals = extract_goals(body, sections, figures, metadata.year)
    figures = _targets_marked(figures, goals)
    uses = find_mentions(terms, [(p.id, fold(p.text)) for p in body])
    terms = [term._replace(mentions=tuple(found)) for term, found in zip(terms, uses)]
    if paragraphs and not any(ch.isalnum() for paragraph in paragraphs for ch in paragraph.text):
        # Punctuation, symbols or control characters only (a damaged file): nothing to index.
        warnings.append("the text has no words, only punctuation, symbols or control characters")
        sections, paragraphs, terms, figures, goals = [], [], [], [], []
    if not paragraphs:
        warnings.append("no paragraph of report text was found")
    return Report(metadata=metadata, sections=tuple(sections), paragraphs=tuple(paragraphs),
                  terms=tuple(terms), warnings=tuple(warnings), figures=tuple(figures), goals=tuple(goals),
                  repairs=repaired.repairs, provenance=provenance, inferred=inferred)


def _targets_marked(figures: list, goals: list) -> list:
    """Figures that a headline list makes targets are targets, whatever their own words say: a
    list under ▲今年发展主要预期目标 (no plan heading, no 力争) is read as the year's targets by
    goals, and `metrics --target` must find the same figures."""
    headline = {(goal.paragraph, goal.start) for goal in goals if goal.main and goal.raw}
    if not headline:
        return figures
    return [figure._replace(target=True) if not figure.target and (figure.paragraph, figure.start) in headline
            else figure for figure in figures]


def _metadata(header: front.Header, lines: list[str], folded: list[str], given: dict[str, tuple[object, str]]):
    """Metadata given from outside the text, then the front matter, then unambiguous body cues for
    what both lack; with where each field came from, and which fields were inferred from the body."""
    # A title given beside the text (a dataset's title column) names region and year as a title line does.
    title, title_source = header.title, "front matter: title"
    if not title and "title" in given:
        title, title_source = str(given["title"][0]), f"{given['title'][1]} (the title)"
    region, level, region_source = front.region_from([
        ("meeting", header.meeting or "", fold(header.meeting or "")),
        ("org", header.speaker_org or "", fold(header.speaker_org or "")),
        ("org", header.fields.get("发布机构", ""), fold(header.fields.get("发布机构", ""))),
        ("title", title or "", fold(title or "")),
    ])
    year = front.year_from(header.date, fold(title) if title else None)
    provenance: dict[str, str] = {}
    if header.title:
        provenance["title"] = "front matter: title line"
    if region:
        source = title_source if region_source == "title" else f"front matter: {region_source}"
        provenance["region"] = provenance["level"] = source
    if year:
        provenance["year"] = "front matter: meeting date" if header.date else title_source
    for name, value in (("date", header.date), ("meeting", header.meeting), ("office", header.office),
                        ("speaker", header.speaker)):
        if value:
            provenance[name] = "front matter"
    publisher = header.fields.get("发布机构") or header.fields.get("发布单位") or header.fields.get("来源") \
        or header.fields.get("信息来源")
    published = front.published_from(header.fields) or header.byline_date
    if publisher:
        provenance["publisher"] = "page fields"
    if published:
        provenance["published"] = "page fields"
    fields = dict(title=header.title or header.fields.get("名称") or None, region=region, level=level, year=year,
                  date=header.date, meeting=header.meeting, office=header.office, speaker=header.speaker,
                  publisher=publisher, published=published)
    for name, (value, source) in given.items():
        if name in fields:
            fields[name] = value
            provenance[name] = source
    if "region" in given and "level" not in given:
        units = front.region_units(fold(str(fields["region"])))
        national = fold(str(fields["region"])) in front.NATIONAL_NAMES
        if national or units:
            fields["level"] = front.level_of(units, national=national)
            provenance["level"] = given["region"][1]
    region, level, year = fields["region"], fields["level"], fields["year"]
    inferred: list[str] = []
    if region is None or level is None or year is None:
        cues = front.body_cues(lines, folded)
        found = {"region": cues.region, "level": cues.level, "year": cues.year}
        current = {"region": region, "level": level, "year": year}
        for name, cue in cues.sources:
            if current[name] is None and found[name] is not None:
                current[name] = found[name]
                provenance[name] = f"body: {cue}"
                inferred.append(name)
        region, level, year = current["region"], current["level"], current["year"]
    if year is None and header.byline_date:
        # A news item on the report, stamped when it was filed (记者 … 2024-03-05 10:32): written the
        # days the report was delivered, so the same year.
        year = int(header.byline_date[:4])
        provenance["year"] = f"news byline: {header.byline_date}"
        inferred.append("year")
    fields.update(region=region, level=level, year=year)
    _with_division(fields, provenance, " ".join(filter(None, (title, header.meeting, header.speaker_org,
                                                              header.fields.get("发布机构")))))
    metadata = Metadata(**fields)
    return metadata, tuple(sorted(provenance.items())), tuple(sorted(set(inferred)))


def _with_division(fields: dict, provenance: dict[str, str], context: str) -> None:
    """The region as its official name with its code and parent (reportcli.regions), when the
    name as written (浙江, 全省's 浙江省, 襄樊) resolves to one division; the level follows it."""
    from reportcli import regions

    region = fields["region"]
    if region and regions.is_national(region):
        fields.update(region=regions.NATIONAL, level="national")
        return
    division = regions.resolve(region, context)
    if division is None:
        return
    if division.name != region:
        provenance["region"] = f"{provenance.get('region', 'given')} ({region} → {division.name})"
    fields.update(region=division.name, region_code=division.code, parent=regions.parent_name(division))
    provenance["region_code"] = provenance["parent"] = f"administrative divisions (GB/T 2260: {division.code})"
    if fields["level"] != division.level:
        fields["level"] = division.level
        provenance["level"] = f"{provenance.get('level', 'given')}, corrected by the administrative divisions ({division.code})"


def _without_markdown(line: str) -> str:
    """Markdown marks carry no text (a report saved as .md); the line's indent is kept."""
    body = line.lstrip(" \t\u3000")
    if body[:1] not in _MARKDOWN_STARTS and "**" not in body and "__" not in body:
        return line  # no mark can match (most lines: a scan for two strings is cheaper than the pattern's)
    return line[:len(line) - len(body)] + _MARKDOWN.sub("", body)


def with_codes(figures: list, region: str | None = None) -> list:
    """Each figure with the curated indicator it measures (parse.indicators), when it is one. A
    figure of another region than the report's (东部地区生产总值 in the national report, 省会城市的 in a
    province's) measures no indicator of this report: no code, so that no panel takes it for one."""
    from reportcli.parse.indicators import classify, is_place, region_named_before, same_region

    coded = []
    for figure in figures:
        entry = classify(figure.indicator, figure.kind, figure.unit)
        if entry and region and (named := region_named_before(figure.indicator)) and not same_region(named, region) \
                and is_place(named):
            entry = None
        coded.append(figure._replace(code=entry.code, name_en=entry.name_en) if entry else figure)
    return coded


def _figures(paragraphs: list[Paragraph], sections: list[Section], year: int | None,
             unreadable: list[str] | None = None) -> list:
    """Figures of the body (a glossary's definitions are not the report's figures)."""
    from reportcli.parse.figures import extract_figures

    by_id = {section.id: section for section in sections}
    found = []
    for paragraph in paragraphs:
        section = by_id.get(paragraph.section)
        if section is not None and section.kind == "glossary":
            continue
        found.extend(extract_figures(paragraph.text, paragraph.id, section=section.path if section else "",
                                     report_year=year, unreadable=unreadable))
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
