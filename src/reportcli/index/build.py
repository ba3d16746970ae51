"""Writing an index: parsed reports → one SQLite file, atomically (temp file + rename)."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportcli.index.schema import SCHEMA, SCHEMA_VERSION
from reportcli.index.vocab import lookup_keys, pinyin_keys
from reportcli.index.sources import LoadedReport
from reportcli.parse.glossary import find_mentions, mention_forms
from reportcli.text import fold, gram_tokens


@dataclass(frozen=True)
class BuildSummary:
    reports: int
    paragraphs: int
    terms: int
    figures: int
    goals: int
    warnings: tuple[str, ...]


@contextmanager
def _atomic(target: Path, start_from: Path | None = None):
    """A temp file beside `target` (a copy of `start_from`, if given) that replaces `target` in one
    rename when the block completes; on any error or interrupt it is removed and `target` stays."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        if start_from is not None:
            shutil.copyfile(start_from, temp)
        yield temp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp creates 0600; an index is an ordinary file
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


class _Tally:
    """What a build or an add wrote, for its summary line."""

    def __init__(self) -> None:
        self.counts = {"reports": 0, "paragraphs": 0, "terms": 0, "figures": 0, "goals": 0}
        self.warnings: list[str] = []

    def add(self, loaded: LoadedReport) -> None:
        report = loaded.report
        for key, count in (("reports", 1), ("paragraphs", len(report.paragraphs)), ("terms", len(report.terms)),
                           ("figures", len(report.figures)), ("goals", len(report.goals))):
            self.counts[key] += count
        self.warnings.extend(f"{loaded.file}: {warning}" for warning in report.warnings)

    def summary(self) -> BuildSummary:
        return BuildSummary(warnings=tuple(self.warnings), **self.counts)


def write_index(reports: Iterable[LoadedReport], out: Path,
                on_report: Callable[[LoadedReport], None] | None = None) -> BuildSummary:
    """Write `reports` to `out`. Nothing touches `out` until the whole index is written and
    committed: an error or an interrupt leaves any previous file as it was."""
    with _atomic(out) as temp:
        connection = sqlite3.connect(temp)
        try:
            return _write(connection, reports, on_report)
        finally:
            connection.close()


def add_to_index(reports: Iterable[LoadedReport], index: Path,
                 on_report: Callable[[LoadedReport], None] | None = None) -> tuple[BuildSummary, list[str]]:
    """Add reports to an existing index, replacing those with the same id; atomic like a build
    (the changes are made on a copy that replaces the index only when complete).
    Returns the summary of what was added and the ids that were replaced."""
    replaced: list[str] = []
    tally = _Tally()
    with _atomic(index, start_from=index) as temp:
        connection = sqlite3.connect(temp)
        try:
            for loaded in reports:
                if _remove_report(connection, loaded.id):
                    replaced.append(loaded.id)
                ord_, first_rowid = connection.execute(
                    "SELECT coalesce(max(ord), 0) + 1, (SELECT coalesce(max(rowid), 0) + 1 FROM paragraphs)"
                    " FROM reports").fetchone()
                _insert_report(connection, ord_, loaded, first_rowid)
                _adjust_vocabulary(connection, loaded.word_counts, +1)
                tally.add(loaded)
                if on_report:
                    on_report(loaded)
            paragraphs, characters = connection.execute("SELECT count(*), coalesce(sum(length(text)), 0)"
                                                        " FROM paragraphs").fetchone()
            _write_corpus_meta(connection, paragraphs, characters, replace=True)
            connection.commit()
        finally:
            connection.close()
    return tally.summary(), replaced


def _write_corpus_meta(connection: sqlite3.Connection, paragraphs: int, characters: int, replace: bool = False) -> None:
    """Corpus statistics that ranking reads (BM25 needs the paragraph count and average length)."""
    average = characters / paragraphs if paragraphs else 0.0
    connection.executemany(f"INSERT {'OR REPLACE ' if replace else ''}INTO meta VALUES (?, ?)",
                           [("paragraphs", str(paragraphs)), ("average_length", f"{average:.2f}")])


def _remove_report(connection: sqlite3.Connection, report_id: str) -> bool:
    """Delete a report and everything that points into it, undoing its share of the vocabulary."""
    row = connection.execute("SELECT ord, first_rowid, paragraphs FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        return False
    ord_, first_rowid, count = row
    from reportcli.index.vocab import document_frequencies

    texts = [(rowid, fold(text)) for rowid, text in connection.execute(
        "SELECT rowid, text FROM paragraphs WHERE rowid BETWEEN ? AND ?", (first_rowid, first_rowid + count - 1))]
    # A contentless FTS5 row is deleted by giving back the tokens it was indexed with.
    connection.executemany("INSERT INTO grams(grams, rowid, g) VALUES ('delete', ?, ?)",
                           [(rowid, " ".join(gram_tokens(text))) for rowid, text in texts])
    _adjust_vocabulary(connection, document_frequencies([text for _, text in texts]), -1)
    for table in ("sections", "terms", "figures", "goals"):
        connection.execute(f"DELETE FROM {table} WHERE report = ?", (ord_,))
    connection.execute("DELETE FROM paragraphs WHERE report = ?", (ord_,))
    connection.execute("DELETE FROM reports WHERE ord = ?", (ord_,))
    return True


def _adjust_vocabulary(connection: sqlite3.Connection, counts: Counter, sign: int) -> None:
    for word, count in counts.items():
        updated = connection.execute("UPDATE vocab SET df = df + ? WHERE word = ?", (sign * count, word)).rowcount
        if not updated and sign > 0:
            keys = pinyin_keys(word)
            connection.execute("INSERT INTO vocab VALUES (?, ?, ?, ?)", (word, count, *(keys or (None, None))))
    if sign < 0:
        connection.execute("DELETE FROM vocab WHERE df <= 0")


def _write(connection: sqlite3.Connection, reports: Iterable[LoadedReport],
           on_report: Callable[[LoadedReport], None] | None) -> BuildSummary:
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.executescript(SCHEMA)
    connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    next_rowid = 1
    tally = _Tally()
    vocabulary: Counter = Counter()
    characters = 0
    for ord_, loaded in enumerate(reports, start=1):
        next_rowid = _insert_report(connection, ord_, loaded, next_rowid)
        tally.add(loaded)
        characters += sum(len(p.text) for p in loaded.report.paragraphs)
        vocabulary.update(loaded.word_counts)
        if on_report:
            on_report(loaded)
    _insert_vocabulary(connection, vocabulary)
    _write_corpus_meta(connection, tally.counts["paragraphs"], characters)
    connection.execute("INSERT INTO grams(grams) VALUES ('optimize')")
    connection.commit()
    connection.execute("VACUUM")
    return tally.summary()


def _insert_report(connection: sqlite3.Connection, ord_: int, loaded: LoadedReport, first_rowid: int) -> int:
    report, meta = loaded.report, loaded.report.metadata
    connection.execute(
        "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (ord_, loaded.id, meta.title, meta.region, meta.level, meta.year, meta.date, meta.meeting,
         meta.office, meta.speaker, meta.publisher, meta.published, loaded.source, loaded.sha256,
         loaded.file, first_rowid, len(report.paragraphs), json.dumps(list(report.warnings), ensure_ascii=False)))
    connection.executemany(
        "INSERT INTO sections VALUES (?,?,?,?,?,?,?,?,?)",
        [(ord_, s.id, s.parent, s.level, s.number, s.label, s.title, s.path, s.kind) for s in report.sections])
    folded = [fold(p.text) for p in report.paragraphs]
    rows = [(first_rowid + n, ord_, p.id, p.section, p.text) for n, p in enumerate(report.paragraphs)]
    connection.executemany("INSERT INTO paragraphs VALUES (?,?,?,?,?)", rows)
    connection.executemany("INSERT INTO grams(rowid, g) VALUES (?, ?)",
                           [(row[0], " ".join(gram_tokens(text))) for row, text in zip(rows, folded)])
    glossary_sections = {s.id for s in report.sections if s.kind == "glossary"}
    body = [(p.id, text) for p, text in zip(report.paragraphs, folded) if p.section not in glossary_sections]
    section_of = {p.id: p.section for p in report.paragraphs}
    connection.executemany(
        "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(ord_, seq, f.paragraph, section_of.get(f.paragraph), f.raw, f.value, f.unit, f.approx, f.indicator,
          f.kind, int(f.target), f.context, f.start, f.end, f.low, f.high)
         for seq, f in enumerate(report.figures, start=1)])
    connection.executemany(
        "INSERT INTO goals VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(ord_, seq, g.paragraph, section_of.get(g.paragraph), g.indicator, g.raw, g.value, g.unit, g.comparator,
          g.direction, int(g.main), g.strength, g.low, g.high, g.horizon, g.text, g.start, g.end)
         for seq, g in enumerate(report.goals, start=1)])
    mentions = find_mentions(list(report.terms), body)
    connection.executemany(
        "INSERT INTO terms VALUES (?,?,?,?,?,?,?,?,?)",
        [(ord_, seq, t.term, t.heading, t.definition, json.dumps(list(t.aliases), ensure_ascii=False),
          t.paragraph, json.dumps(found), json.dumps(lookup_keys(mention_forms(t)), ensure_ascii=False))
         for seq, (t, found) in enumerate(zip(report.terms, mentions), start=1)])
    return first_rowid + len(report.paragraphs)


def _insert_vocabulary(connection: sqlite3.Connection, vocabulary: Counter) -> None:
    rows = []
    for word in sorted(vocabulary):
        keys = pinyin_keys(word)
        rows.append((word, vocabulary[word], *(keys or (None, None))))
    connection.executemany("INSERT INTO vocab VALUES (?, ?, ?, ?)", rows)
