"""Frozen records passed between the parser, the index, the queries and the renderer
(reportcli.record says why they are Records rather than dataclasses)."""
from __future__ import annotations

from reportcli.record import Record


class Metadata(Record):
    """What a report says about itself; a field the text does not give stays None."""

    title: str | None = None
    region: str | None = None
    level: str | None = None  # national / province / city / county
    year: int | None = None  # the year the report is delivered in
    date: str | None = None  # meeting date, ISO
    meeting: str | None = None  # e.g. 海拉尔区第十五届人民代表大会第五次会议
    office: str | None = None  # the speaker's office, e.g. 区长
    speaker: str | None = None
    publisher: str | None = None
    published: str | None = None  # publication date, ISO
    region_code: str | None = None  # GB/T 2260, six digits (reportcli.regions); None for national or unknown
    parent: str | None = None  # the region one level up (海拉尔区 → 呼伦贝尔市, 浙江省 → 全国)


class Section(Record):
    id: int  # 1-based, in text order
    parent: int | None
    level: int  # 1 = 一、, 2 = (一), 3 = 一是 / 1.
    number: str  # dotted position, e.g. "3.1.2"; "G" for the glossary
    label: str  # the heading as written, marker included
    title: str  # the heading without its marker
    path: str  # labels from the top, joined by " > "
    kind: str = "body"  # body / glossary


class Paragraph(Record):
    id: int  # 1-based, in text order
    section: int | None  # Section.id, None before the first heading
    text: str


class Term(Record):
    term: str
    heading: str  # the glossary heading as written (a compound heading is shared)
    definition: str  # this term's own part of the definition
    aliases: tuple[str, ...]
    paragraph: int  # the glossary paragraph that defines it
    mentions: tuple[int, ...] = ()  # the body paragraphs that use it (parse.glossary.find_mentions)


class Figure(Record):
    """A quantitative figure in a paragraph (see PRODUCT.md, "Figure conventions"). `report`
    and `section` are filled in when read from an index (the parser knows neither)."""

    report: str | None = None
    paragraph: int
    section: str = ""
    raw: str  # as written, with its scale word, unit and any qualifier that follows
    value: int | float | None  # scale folded in; None for a ratio like 3.7:23.1:73.2
    unit: str
    approx: str | None  # about / over / under
    indicator: str
    kind: str  # level / change / share / rank / ratio / other
    target: bool  # the sentence sets a future target
    context: str  # the clause it came from
    start: int  # offsets of raw in the paragraph text
    end: int
    low: int | float | None = None  # bounds of a range (6%-6.5%); value is then the lower one
    high: int | float | None = None
    code: str | None = None  # key of the curated indicator table (data/indicators.toml): gdp_growth, cpi …
    name_en: str | None = None
    # None for a figure of its own; "from": the start of a window (从50元提高到84元); "vs_last_year":
    # an amount of change against last year (比上年提高1个百分点), not a level
    basis: str | None = None


class PanelFigure(Figure):
    """A figure as `metrics` lists it: with its report's year and region, the keys of a panel."""

    year: int | None = None
    region: str | None = None
    region_code: str | None = None


class Goal(Record):
    """A target the report sets (see PRODUCT.md, `goals`)."""

    report: str | None = None
    paragraph: int
    section: str = ""
    indicator: str
    raw: str  # the figure as written; "" for a qualitative target
    value: int | float | None  # None for a qualitative target; the lower bound of a range
    unit: str
    comparator: str | None  # about / >= / <= / = / range
    direction: str | None  # up / down
    main: bool  # one of the headline expected targets (主要预期目标)
    strength: str | None  # hard (确保/必须) / soft (力争/争取)
    low: int | float | None
    high: int | float | None
    horizon: str | None  # "2021", "十四五"
    text: str  # the clause
    start: int
    end: int
    code: str | None = None
    name_en: str | None = None
    basis: str | None = None  # "vs_last_year" for a target set as a change against last year


class Outcome(Record):
    """What the next year's report says happened to a target's indicator."""

    report: str
    paragraph: int
    raw: str
    value: int | float | None
    unit: str
    indicator: str


class ParentTarget(Record):
    """The same indicator's headline target in the parent region's report of the same year."""

    report: str
    raw: str
    value: int | float | None
    comparator: str | None
    low: int | float | None
    high: int | float | None


class PanelGoal(Goal):
    """A target as `goals` lists it: with its report's year and region, and its parent's target."""

    year: int | None = None
    region: str | None = None
    region_code: str | None = None
    parent_target: ParentTarget | None = None
    gap: int | float | None = None  # value minus the parent's, in the unit's points


class CheckedGoal(PanelGoal):
    status: str = "unknown"  # met / missed / unknown
    outcome: Outcome | None = None
    note: str | None = None  # why the status is unknown: which report is missing, or what it lacks


class ReportMetadata(Record):
    """A report's metadata as the index stores it and `reports` lists it."""

    id: str
    title: str | None
    region: str | None  # the official full name when it resolves (浙江省), else as written
    region_code: str | None  # GB/T 2260 six digits; None for national and where unknown
    parent: str | None  # the region one level up (浙江省 → 全国); None for national and where unknown
    level: str | None
    year: int | None
    date: str | None
    meeting: str | None
    office: str | None
    speaker: str | None
    publisher: str | None
    published: str | None
    source: str | None
    sha256: str
    file: str | None
    line: int | None  # a dataset row: the line of `file` where its record starts


class ReportRecord(ReportMetadata):
    """A report as the index holds it: its metadata and where its paragraphs lie."""

    ord: int
    first_rowid: int
    paragraphs: int
    warnings: tuple[str, ...]
    format: str
    inferred: tuple[str, ...]

    @property
    def last_rowid(self) -> int:
        return self.first_rowid + self.paragraphs - 1


class Repair(Record):
    """One kind of publishing damage undone before parsing (see parse.repair)."""

    kind: str  # e.g. "hard-wrapped lines joined"
    count: int
    examples: tuple[str, ...]


class Report(Record):
    metadata: Metadata
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    terms: tuple[Term, ...]
    warnings: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    goals: tuple[Goal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    # Where each metadata field came from: ("year", "body: 一、2020年工作回顾") …; fields read from
    # body cues rather than front matter are also listed in `inferred`.
    provenance: tuple[tuple[str, str], ...] = ()
    inferred: tuple[str, ...] = ()
