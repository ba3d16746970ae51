"""Concepts at query time: what a shorthand stands for (新基建 → 新型基础设施建设, GDP → 地区生产
总值, 六稳 → its six members) and the reverse, from the lexicon and the reports' glossaries stored in
the index (parse.concepts). search finds a concept's forms as `match: "concept"`; define answers
from the lexicon when no glossary defines a term; count --expand counts the long forms too."""
from __future__ import annotations

from reportcli.index.store import Store
from reportcli.query.match import Form
from reportcli.record import Record
from reportcli.text import fold

_QUOTES = str.maketrans("", "", "“”\"「」『』‘’'《》 \u3000")
# A slogan is found by paragraphs naming this many of its members together (or all, if fewer).
MEMBERS_NEEDED = 3


class ConceptHit(Record):
    id: int
    report: int | None  # None: the shipped lexicon; else the report whose glossary defines it
    term: str
    asked_as: str  # term / expansion: how the query named the concept
    expansions: tuple[str, ...]
    members: tuple[str, ...]
    definition: str | None
    period: str | None


def key_of(text: str) -> str:
    return fold(text).translate(_QUOTES).strip()


def concepts_named(store: Store, text: str, members: bool = False) -> list[ConceptHit]:
    """Concepts the text names, as their shorthand or as one of their long forms (and, with
    `members`, as one of the members a slogan enumerates: 碳达峰 of 双碳)."""
    hits = []
    for concept_id, report, relation in store.concepts_with_form(key_of(text)):
        if relation == "member" and not members:
            continue  # 稳就业 names itself, not all of 六稳
        concept = store.concept(concept_id)
        forms = concept["forms"]
        hits.append(ConceptHit(id=concept_id, report=report, term=concept["term"], asked_as=relation,
                               expansions=tuple(w for w, r in forms if r == "expansion"),
                               members=tuple(w for w, r in forms if r == "member"),
                               definition=concept["definition"], period=concept["period"]))
    return hits


def search_forms(store: Store, word: str) -> list[Form]:
    """Forms under which paragraphs say what `word` says: a shorthand's long forms (and its
    members, together), or a long form's shorthand and other long forms. Glossary concepts apply
    to their own report only (Form.scope)."""
    forms: dict[tuple, Form] = {}
    asked = key_of(word)
    for hit in concepts_named(store, word):
        others = [hit.term, *hit.expansions]
        for other in others:
            key = key_of(other)
            if key and key != asked and len(key) >= 2:
                forms.setdefault(("exact", key, hit.report), Form("exact", key, origin="concept", scope=hit.report))
        if hit.members and hit.asked_as == "term":
            parts = tuple(dict.fromkeys(key_of(member) for member in hit.members if key_of(member)))
            if len(parts) >= 2:
                needed = min(len(parts), MEMBERS_NEEDED)
                forms.setdefault(("members", parts, hit.report),
                                 Form("members", key_of(hit.term), parts, origin="concept", scope=hit.report,
                                      needed=needed))
    return list(forms.values())


def expansions_for(store: Store, term: str) -> list[str]:
    """The long forms (or the shorthand) to count with a term (count --expand); not members."""
    asked = key_of(term)
    found = []
    for hit in concepts_named(store, term):
        for other in (hit.term, *hit.expansions):
            if key_of(other) != asked and key_of(other) not in found:
                found.append(key_of(other))
    return found
