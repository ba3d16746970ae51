"""`define`: glossary lookup however the user types the term, and where the body uses it.

A term is found by its exact text, a part of a compound heading, with or without quote
marks, in toneless pinyin or initials, in traditional characters, or with a typo (query.match
rules); near misses are ranked with rapidfuzz, which is imported only when nothing matches
exactly. Lookup keys (folded forms, pinyin, initials) were computed at build time, so no
pypinyin or jieba loads here.

Every answer has one shape (Definition): a term the glossary does not define but the body uses
comes back with `definition` null and its mentions (exit 1).
"""
from __future__ import annotations

from reportcli.errors import NoResults, UsageError
from reportcli.index.store import Store
from reportcli.query.common import ReportFilter, select_reports
from reportcli.query.match import tokens_expression, within_typos
from reportcli.record import Record
from reportcli.text import fold

_QUOTES = str.maketrans("", "", "“”\"「」『』‘’'《》 \u3000")


class Definition(Record):
    report: str | None  # None: a lexicon definition of a term no selected report uses
    paragraph: int | None  # the glossary paragraph that defines the term
    section: str
    term: str
    heading: str | None  # the glossary heading as written
    definition: str | None  # None: the term is used but not defined
    aliases: list[str]
    mentions: list[int]  # body paragraphs that use the term
    mention_sections: list[str]  # their section paths, in the same order
    score: float  # 0–100: how closely the term matches what was asked
    source: str | None  # "glossary" (the report's 名词解释), "lexicon" (the shipped shorthand lexicon), None
    reports: list[str] = []  # every report that defines (or, from the lexicon, uses) it with this definition
    used_in: list[str] = []  # the body paragraphs of all of them that use it, as REPORT:PARAGRAPH


class NotDefined(NoResults):
    """The term is used in the body but not defined: exit 1, with its mentions to show."""

    def __init__(self, message: str, rows: list[Definition]) -> None:
        super().__init__(message)
        self.rows = rows


def normalize_term(text: str) -> str:
    return fold(text).translate(_QUOTES).strip()


def define(store: Store, term: str | None, selection: ReportFilter | None = None) -> list[Definition]:
    """One row per distinct definition of the term (or of every term), naming the reports that
    give it; a definition's own report is the first of them."""
    return _merged(_definitions(store, term, selection))


def _merged(rows: list[Definition]) -> list[Definition]:
    """Rows of one term with one definition from one source become one row listing its reports."""
    merged: dict[tuple, Definition] = {}
    for row in rows:
        key = (row.term, row.definition, row.source) if row.definition is not None else (id(row),)
        uses = [f"{row.report}:{paragraph}" for paragraph in row.mentions] if row.report else []
        if key not in merged:
            merged[key] = row._replace(reports=[row.report] if row.report else [], used_in=uses)
        else:
            first = merged[key]
            merged[key] = first._replace(reports=[*first.reports, *([row.report] if row.report else [])],
                                         used_in=[*first.used_in, *uses])
    return list(merged.values())


def _definitions(store: Store, term: str | None, selection: ReportFilter | None = None) -> list[Definition]:
    reports = select_reports(store, selection)
    if term is not None and not normalize_term(term):
        raise UsageError("the term is empty")
    query = normalize_term(term) if term is not None else None
    entries = [(report, entry) for report, found in store.terms_by_report(reports) for entry in found]
    if query is None:
        return [_definition(store, report, entry, 100.0) for report, entry in entries]
    exact = [(report, entry) for report, entry in entries if query in entry["keys"]]
    if exact:  # an exact answer: no near misses beside it (and no rapidfuzz)
        return [_definition(store, report, entry, 100.0) for report, entry in exact]
    scored = [(max(within_typos(query, key) for key in entry["keys"]), report, entry) for report, entry in entries]
    results = [_definition(store, report, entry, score) for score, report, entry in scored if score > 0]
    results.sort(key=lambda r: -r.score)
    if results:
        return results
    from_lexicon = lexicon_definitions(store, reports, term)
    if from_lexicon:
        return from_lexicon
    unused = undefined(store, reports, term, query)
    if unused:
        where = len(unused)
        uses = sum(len(row.mentions) for row in unused)
        raise NotDefined(f"“{term}” is not defined in the glossary of {'this report' if where == 1 else f'{where} reports'}"
                         f"; it is used in {uses} paragraph{'s' * (uses != 1)}", unused)
    # Shorthand of the lexicon that contains what was typed (两山 → 两山理念) first, then the
    # glossary terms nearest to it.
    containing = [name for name in store.lexicon_terms() if len(query) >= 2 and query in normalize_term(name)]
    closest = list(dict.fromkeys(containing[:3] + closest_terms([entry["term"] for _, entry in entries], query)))[:3]
    hint = f"; closest terms: {', '.join(closest)}" if closest else ""
    raise NoResults(f"no glossary term or mention of “{term}”{hint}")


def _definition(store: Store, report, entry: dict, score: float) -> Definition:
    mentions = entry["mentions"]
    return Definition(
        report=report.id, paragraph=entry["paragraph"], section=store.section_path(report.ord, entry["section"]),
        term=entry["term"], heading=entry["heading"], definition=entry["definition"], aliases=entry["aliases"],
        mentions=mentions, mention_sections=_sections_of(store, report, mentions), score=score, source="glossary")


def _sections_of(store: Store, report, paragraph_ids: list[int]) -> list[str]:
    """The section path of each paragraph (their sections read at once, not their text)."""
    sections = store.paragraph_sections(report, paragraph_ids) if paragraph_ids else {}
    return [store.section_path(report.ord, sections.get(pid)) for pid in paragraph_ids]


def lexicon_definitions(store: Store, reports: list, term: str) -> list[Definition]:
    """A term no glossary defines, answered from the shipped shorthand lexicon (source
    "lexicon"), with the paragraphs of each selected report that use it or its long forms; one
    row with report null when none does."""
    from reportcli.query.concepts import concepts_named, key_of

    hits = [hit for hit in concepts_named(store, term) if hit.report is None]
    if not hits:  # a member of a slogan (碳达峰 of 双碳) is explained by the slogan's entry
        hits = [hit for hit in concepts_named(store, term, members=True) if hit.report is None]
    rows = []
    for hit in hits:
        forms = [key_of(form) for form in (hit.term, *hit.expansions) if len(key_of(form)) >= 2]
        definition = hit.definition or "、".join(hit.members) or "；".join(hit.expansions)
        if hit.period:
            definition += f"（{hit.period}）"
        aliases = list(dict.fromkeys([*hit.expansions, *hit.members]))
        used = False
        for report in reports:
            mentions = _mentions_of(store, report, forms)
            if mentions:
                used = True
                rows.append(Definition(
                    report=report.id, paragraph=None, section="", term=hit.term, heading=None, definition=definition,
                    aliases=aliases, mentions=[pid for pid, _ in mentions],
                    mention_sections=[store.section_path(report.ord, sid) for _, sid in mentions], score=100.0,
                    source="lexicon"))
        if not used:
            rows.append(Definition(report=None, paragraph=None, section="", term=hit.term, heading=None,
                                   definition=definition, aliases=aliases, mentions=[], mention_sections=[],
                                   score=100.0, source="lexicon"))
    return rows


def _mentions_of(store: Store, report, forms: list[str]) -> list[tuple[int, int | None]]:
    """(paragraph id, section id) of body paragraphs that use any of the folded forms."""
    glossary = store.glossary_sections(report.ord)
    found: dict[int, int | None] = {}
    for form in forms:
        expression = tokens_expression(form)
        if expression is None:
            continue
        for paragraph_id, section_id, text in store.paragraphs_with(report, expression):
            if section_id not in glossary and form in normalize_term(text):
                found[paragraph_id] = section_id
    return sorted(found.items())


def undefined(store: Store, reports: list, term: str, query: str) -> list[Definition]:
    """Per report, the body paragraphs that use a term (quote marks ignored) no glossary defines."""
    expression = tokens_expression(query)
    if expression is None:
        return []
    rows = []
    for report in reports:
        glossary = store.glossary_sections(report.ord)
        found = [(paragraph_id, section_id) for paragraph_id, section_id, text in store.paragraphs_with(report, expression)
                 if section_id not in glossary and query in normalize_term(text)]
        if found:
            rows.append(Definition(
                report=report.id, paragraph=None, section="", term=term, heading=None, definition=None, aliases=[],
                mentions=[pid for pid, _ in found],
                mention_sections=[store.section_path(report.ord, sid) for _, sid in found], score=0.0, source=None))
    return rows


def closest_terms(terms: list[str], query: str, limit: int = 3) -> list[str]:
    from rapidfuzz import fuzz, process

    names = sorted(set(terms))
    if not names:
        return []
    matches = process.extract(query, {name: normalize_term(name) for name in names}, scorer=fuzz.WRatio, limit=limit)
    return [key for _, _, key in matches]
