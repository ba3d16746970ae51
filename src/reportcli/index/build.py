"""Writing an index: a build writes a new file and renames it into place; an add is one
transaction on the index itself. Either way a failure or a kill leaves the index as it was.

One writer at a time: `add` takes SQLite's write lock (BEGIN IMMEDIATE) and a second writer
waits for it; a build holds the same lock while it renames its file over an existing index.
Readers keep answering throughout (rollback journal: they see the index as of the last commit).
"""
from __future__ import annotations

import json
import os
import sqlite3
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from reportcli.errors import IndexFileError, UsageError
from reportcli.index.schema import PAGE_BYTES, SCHEMA, SCHEMA_VERSION
from reportcli.index.sources import LoadedReport
from reportcli.index.vocab import lookup_keys, pinyin_keys
from reportcli.parse.concepts import lexicon
from reportcli.parse.glossary import mention_forms
from reportcli.text import fold, gram_tokens

# How long a build waits for an `add` in progress before replacing the index it writes to.
WRITE_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class BuildSummary:
    reports: int
    paragraphs: int
    terms: int
    figures: int
    goals: int
    warnings: tuple[str, ...]
    repaired: tuple[tuple[str, tuple], ...] = ()  # (file, its repairs) for files that needed any


def guard_output(output: Path, inputs: list[Path], force: bool = False) -> None:
    """Refuse an output that is not ours to replace: an input file, anything but a regular file,
    a write-protected index, or (without --force) a file that is not a reportcli index."""
    from reportcli.index.store import is_index

    if not os.path.lexists(output):
        return
    try:
        info = os.stat(output)
    except OSError as exc:
        raise UsageError(f"cannot use {output} as the index: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"--output is a folder, not a file: {output}")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"refusing to replace {output}: not a regular file (a device, pipe or socket)")
    for source in inputs:
        try:
            same = os.path.samefile(source, output)
        except OSError:
            same = False
        if same:
            raise UsageError(f"refusing to write the index over its own input {output}: choose another -o FILE")
    if not info.st_mode & 0o222:
        raise UsageError(f"refusing to replace {output}: it is write-protected (mode "
                         f"{stat.S_IMODE(info.st_mode):o}); make it writable or choose another -o FILE")
    if not force and not is_index(output):
        raise UsageError(f"refusing to replace {output}: it exists and is not a reportcli index "
                         "(use --force to replace it anyway)")


@contextmanager
def _atomic(target: Path):
    """A temp file beside `target` that replaces it in one rename when the block completes; on any
    error or interrupt the temp file is removed and `target` stays as it was. The new file keeps
    the mode (and, where the process may, the owner) of the file it replaces."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(target)
    # The temp file's name carries the writer's pid, so a later build can tell a dead writer's.
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        _take_attributes(temp, target)
        with _write_lock_on(target):
            os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _remove_stale_temporaries(target: Path) -> None:
    """Remove the temp files a build into `target` left when it was killed (KILL cannot be
    cleaned up after): those whose writer's pid no longer runs."""
    import re

    pattern = re.compile(re.escape(f".{target.name}.") + r"(\d+)\.[^.]+\.tmp$")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        match = pattern.match(name)
        if not match or _running(int(match.group(1))):
            continue
        try:
            (target.parent / name).unlink()
        except OSError:
            pass  # another build removed it first, or the folder is not ours to clean


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process (or a pid out of range: leave such a name alone)
    return True


def _take_attributes(temp: Path, target: Path) -> None:
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp creates 0600; a new index is an ordinary file
        return
    os.chmod(temp, stat.S_IMODE(existing.st_mode))
    if hasattr(os, "chown") and (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(temp, existing.st_uid, existing.st_gid)
        except OSError:
            pass  # only root may give a file away; the mode is kept all the same


@contextmanager
def _write_lock_on(target: Path):
    """Hold the writer's lock of an existing index while it is replaced, so that an `add` in
    progress commits first (and an `add` that waits notices the file changed under it)."""
    if not target.is_file():
        yield
        return
    try:
        connection = sqlite3.connect(target, timeout=WRITE_TIMEOUT_SECONDS, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError:
        yield  # not a lockable database (guard_output allowed replacing it with --force)
        return
    try:
        yield
    finally:
        connection.close()


class _Tally:
    """What a build or an add wrote, for its summary line."""

    def __init__(self) -> None:
        self.counts = {"reports": 0, "paragraphs": 0, "terms": 0, "figures": 0, "goals": 0}
        self.warnings: list[str] = []
        self.repaired: list[tuple[str, tuple]] = []

    def add(self, loaded: LoadedReport) -> None:
        report = loaded.report
        for key, count in (("reports", 1), ("paragraphs", len(report.paragraphs)), ("terms", len(report.terms)),
                           ("figures", len(report.figures)), ("goals", len(report.goals))):
            self.counts[key] += count
        self.warnings.extend(f"{loaded.file}: {warning}" for warning in report.warnings)
        if report.repairs:
            self.repaired.append((loaded.file, report.repairs))

    def summary(self) -> BuildSummary:
        return BuildSummary(warnings=tuple(self.warnings), repaired=tuple(self.repaired), **self.counts)


def write_index(reports: Iterable[LoadedReport], out: Path) -> BuildSummary:
    """Write `reports` to `out`. Nothing touches `out` until the whole index is written and
    committed: an error or an interrupt leaves any previous file as it was."""
    kept = f"{out.name} there is as it was" if out.exists() else "nothing was written"
    with _atomic(out) as temp, _write_errors_explained(out, kept):
        connection = sqlite3.connect(temp)
        try:
            return _write(connection, reports)
        finally:
            connection.close()


# errno values that mean "no room": the disk (or the user's quota) is full, or the file may not grow.
_NO_ROOM = {28, 27, 122}  # ENOSPC, EFBIG, EDQUOT


@contextmanager
def _write_errors_explained(index: Path, kept: str):
    """A write that SQLite or the OS refuses (a full disk, a quota, a file-size limit, an I/O
    error) is one clear line naming the index and what was kept, not "could not be read"."""
    try:
        yield
    except sqlite3.Error as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_FULL" or "disk is full" in str(exc):
            why = "the disk is full"
        elif name.startswith("SQLITE_IOERR") or "disk I/O error" in str(exc):
            why = "a disk I/O error (the disk may be full, over quota or failing)"
        else:
            why = str(exc)
        raise IndexFileError(f"cannot write the index {index}: {why}; {kept}") from None
    except OSError as exc:
        if exc.errno not in _NO_ROOM:
            raise
        raise IndexFileError(f"cannot write the index {index}: {exc.strerror.lower()}; {kept}") from None


def add_to_index(reports: Iterable[LoadedReport], index: Path, *, wait: float = WRITE_TIMEOUT_SECONDS,
                 on_wait: Callable[[str], None] | None = None) -> tuple[BuildSummary, list[str]]:
    """Add parsed reports to an existing index in one transaction, replacing those with the same
    id. Waits up to `wait` seconds for another writer (telling `on_wait` once that it does).
    Returns the summary of what was added and the ids that were replaced."""
    replaced: list[str] = []
    tally = _Tally()
    connection = _locked_for_writing(index, wait, on_wait)
    try:
        with _write_errors_explained(index, "nothing was added: the index is as it was"):
            packer = _index_packer(connection)
            names = _Names(connection)
            paragraphs, characters = _corpus_totals(connection)
            # What the reports removed and added change in the vocabulary, applied once at the end
            # (a statement a word a report was most of the writing: 1,600 words a report).
            vocabulary: Counter = Counter()
            for loaded in reports:
                removed = _remove_report(connection, loaded.id, packer, vocabulary)
                if removed is not None:
                    replaced.append(loaded.id)
                    paragraphs, characters = paragraphs - removed[0], characters - removed[1]
                ord_, first_rowid = connection.execute(
                    "SELECT coalesce(max(ord), 0) + 1, (SELECT coalesce(max(rowid), 0) + 1 FROM paragraphs)"
                    " FROM reports").fetchone()
                _insert_report(connection, ord_, loaded, first_rowid, packer, names)
                vocabulary.update(loaded.word_counts)
                paragraphs += len(loaded.report.paragraphs)
                characters += sum(len(p.text) for p in loaded.report.paragraphs)
                tally.add(loaded)
            _change_vocabulary(connection, vocabulary)
            _write_corpus_meta(connection, paragraphs, characters)
            connection.execute("COMMIT")
    finally:
        connection.close()  # without COMMIT (an error, an interrupt) this rolls everything back
    return tally.summary(), replaced


def fingerprints(index: Path) -> dict[str, str | None]:
    """Report id → the fingerprint of its text and metadata, for `add` to skip unchanged reports."""
    from reportcli.index.store import open_index

    connection = open_index(index)
    try:
        return dict(connection.execute("SELECT id, fingerprint FROM reports"))
    finally:
        connection.close()


def _locked_for_writing(index: Path, wait: float, on_wait: Callable[[str], None] | None) -> sqlite3.Connection:
    """A connection holding the index's write lock, on the file the path names now (a build may
    have renamed a new index into place while this one waited)."""
    from reportcli.index.store import open_for_writing

    if not os.access(index, os.W_OK) or not os.stat(index).st_mode & 0o222:
        raise IndexFileError(f"cannot add to {index}: the index is write-protected")
    told = False
    while True:
        before = os.stat(index)
        connection = open_for_writing(index, timeout=0)
        try:
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_BUSY", "") and "locked" not in str(exc):
                    raise IndexFileError(f"cannot write index {index}: {exc}") from None
                if not told and on_wait:
                    on_wait(f"index {index} is busy: another reportcli is writing it; waiting up to {wait:g} s…")
                    told = True
                connection.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
                try:
                    connection.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError:
                    raise IndexFileError(f"index {index} is still busy after {wait:g} s: another process is "
                                         "writing it; try again later (or wait longer with --wait)") from None
        except BaseException:
            connection.close()
            raise
        after = os.stat(index)
        if (after.st_dev, after.st_ino) == (before.st_dev, before.st_ino):
            return connection
        connection.close()  # replaced while we waited: lock the new file instead


def _corpus_totals(connection: sqlite3.Connection) -> tuple[int, int]:
    meta = dict(connection.execute("SELECT key, value FROM meta WHERE key IN ('paragraphs', 'characters')"))
    return int(meta.get("paragraphs", 0)), int(meta.get("characters", 0))


def _write_corpus_meta(connection: sqlite3.Connection, paragraphs: int, characters: int) -> None:
    """Corpus statistics that ranking reads (BM25 needs the paragraph count and average length)."""
    average = characters / paragraphs if paragraphs else 0.0
    connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           [("paragraphs", str(paragraphs)), ("characters", str(characters)),
                            ("average_length", f"{average:.2f}")])


def _index_packer(connection: sqlite3.Connection):
    """The packer of the dictionary this index keeps (index.packing)."""
    from reportcli.index.packing import Packer

    return Packer(connection.execute("SELECT data FROM dictionary").fetchone()[0])


def _remove_report(connection: sqlite3.Connection, report_id: str, packer,
                   vocabulary: Counter) -> tuple[int, int] | None:
    """Delete a report and everything that points into it; its share of the vocabulary is taken
    from `vocabulary` (the change _change_vocabulary applies). Returns the (paragraphs,
    characters) it held, or None when there was no such report."""
    row = connection.execute("SELECT ord, first_rowid, paragraphs FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        return None
    ord_, first_rowid, count = row
    from reportcli.index.vocab import document_frequencies

    from reportcli.index.packing import Unpacker

    texts = [(rowid, fold(text)) for rowid, text in Unpacker(packer.dictionary).paragraphs(connection.execute(
        "SELECT p.rowid, p.block, p.\"at\", p.length, b.data FROM paragraphs p JOIN blocks b ON b.id = p.block"
        " WHERE p.rowid BETWEEN ? AND ? ORDER BY p.rowid", (first_rowid, first_rowid + count - 1)))]
    # A contentless FTS5 row is deleted by giving back the tokens it was indexed with.
    connection.executemany("INSERT INTO grams(grams, rowid, g) VALUES ('delete', ?, ?)",
                           [(rowid, " ".join(gram_tokens(text))) for rowid, text in texts])
    vocabulary.subtract(document_frequencies([text for _, text in texts]))
    for table in ("sections", "terms", "figures", "goals"):
        connection.execute(f"DELETE FROM {table} WHERE report = ?", (ord_,))
    connection.execute("DELETE FROM concept_forms WHERE concept IN (SELECT id FROM concepts WHERE report = ?)", (ord_,))
    connection.execute("DELETE FROM concepts WHERE report = ?", (ord_,))
    # By the report's rowid range, and its blocks by their ids (a report's are consecutive):
    # neither table has an index on its report, and a scan for each report replaced made
    # replacing many reports of a big index quadratic.
    last_rowid = first_rowid + count - 1
    first_block, last_block = connection.execute("SELECT min(block), max(block) FROM paragraphs WHERE rowid BETWEEN"
                                                 " ? AND ?", (first_rowid, last_rowid)).fetchone()
    if first_block is not None:
        connection.execute("DELETE FROM blocks WHERE id BETWEEN ? AND ? AND report = ?", (first_block, last_block, ord_))
    connection.execute("DELETE FROM paragraphs WHERE rowid BETWEEN ? AND ?", (first_rowid, last_rowid))
    connection.execute("DELETE FROM reports WHERE ord = ?", (ord_,))
    return len(texts), sum(len(text) for _, text in texts)


def _change_vocabulary(connection: sqlite3.Connection, change: Counter) -> None:
    """Add `change` (word → paragraphs added minus paragraphs removed) to the document
    frequencies: a new word gets its pinyin keys, a word no paragraph has any more goes. The
    same table as changing it report by report: a word's frequency is the sum either way."""
    for word, count in change.items():
        if not count:
            continue
        updated = connection.execute("UPDATE vocab SET df = df + ? WHERE word = ?", (count, word)).rowcount
        if not updated and count > 0:
            keys = pinyin_keys(word)
            connection.execute("INSERT INTO vocab VALUES (?, ?, ?, ?)", (word, count, *(keys or (None, None))))
    # the words counted down that no paragraph has any more (those only: not a scan of them all)
    connection.executemany("DELETE FROM vocab WHERE word = ? AND df <= 0",
                           ((word,) for word, count in change.items() if count < 0))


def _write(connection: sqlite3.Connection, reports: Iterable[LoadedReport]) -> BuildSummary:
    connection.execute("PRAGMA journal_mode = OFF")  # a private temp file: atomicity comes from the rename
    connection.execute("PRAGMA synchronous = OFF")
    # Packed blocks are 1.5–2.5 KB: a 4 KB page holds one or two and wastes the rest (measured on
    # 200 varied reports: 16.8 MB with 4 KB pages, 16.3 MB with 8 KB, 16.4 with 16 KB).
    connection.execute(f"PRAGMA page_size = {PAGE_BYTES}")
    connection.executescript(SCHEMA)
    connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    from reportcli.index.packing import default_packer

    packer = default_packer()
    connection.execute("INSERT INTO dictionary VALUES (?)", (packer.dictionary,))
    names = _Names(connection)
    next_rowid = 1
    tally = _Tally()
    vocabulary: Counter = Counter()
    characters = 0
    for ord_, loaded in enumerate(reports, start=1):
        next_rowid = _insert_report(connection, ord_, loaded, next_rowid, packer, names)
        tally.add(loaded)
        characters += sum(len(p.text) for p in loaded.report.paragraphs)
        vocabulary.update(loaded.word_counts)
    _insert_vocabulary(connection, vocabulary)
    _insert_concepts(connection, None, lexicon())
    _write_corpus_meta(connection, tally.counts["paragraphs"], characters)
    connection.execute("INSERT INTO grams(grams) VALUES ('optimize')")
    connection.commit()
    connection.execute("VACUUM")
    # Written with journal_mode OFF for speed; the file itself is an ordinary rollback-journal
    # database, so that `add` can change it in a transaction.
    return tally.summary()


def _insert(connection: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    """INSERT rows given as {column: value} dicts (one column list for all rows)."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join('"' + column + '"' for column in columns)  # "end" is an SQL keyword
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    # Bound by position, not by name: SQLite binds a tuple in half the time of a dict (a build
    # writes ~250 figures and targets a report).
    values = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    connection.executemany(sql, map(values, rows))


class _Names:
    """The ids of the index's shared strings (names) and the codes it uses (codes), looked up
    once each per write: a build of 20,000 reports names a few hundred thousand strings."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._ids: dict[str, int] = {}
        self._codes: set[str] = set()

    def id(self, text: str) -> int:
        found = self._ids.get(text)
        if found is None:
            row = self.connection.execute("SELECT id FROM names WHERE text = ?", (text,)).fetchone()
            found = row[0] if row is not None else \
                self.connection.execute("INSERT INTO names (text) VALUES (?)", (text,)).lastrowid
            self._ids[text] = found
        return found

    def code(self, code: str | None, name_en: str | None) -> str | None:
        if code is not None and code not in self._codes:
            # the newest English name wins (an add by a later reportcli may have renamed it)
            self.connection.execute(f"INSERT OR {'REPLACE' if name_en else 'IGNORE'} INTO codes VALUES (?, ?)",
                                    (code, name_en or ""))
            self._codes.add(code)
        return code


def _raw_in_context(raw: str, context: str, length: int) -> tuple[str | None, int | None]:
    """(raw, raw_at): a figure as written is almost always part of its clause: then only where it
    starts there is kept."""
    at = context.find(raw) if len(raw) == length else -1
    return (None, at) if at >= 0 and raw else (raw, None)


def _text_of_figure(text: str, figure: tuple[int, str] | None) -> tuple[str | None, int | None]:
    """(text, figure): a target's clause, or the seq of the figure whose context it is."""
    return (None, figure[0]) if figure is not None and figure[1] == text else (text, None)


def _insert_statement(table: str, columns: str) -> str:
    names = ", ".join(f'"{column}"' for column in columns.split())  # "end" is an SQL keyword
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns.split()))})"


_FIGURES_INSERT = _insert_statement("figures", "report seq paragraph section raw raw_at value unit approx indicator "
                                               "kind target context start end low high code basis")
_GOALS_INSERT = _insert_statement("goals", "report seq paragraph section indicator raw value unit comparator direction "
                                           "main strength low high horizon text figure start end code basis")


def _title_in_label(title: str, label: str) -> dict:
    """A heading without its marker is almost always the end of the heading as written."""
    return {"title": None, "title_at": len(label) - len(title)} if title and label.endswith(title) else \
        {"title": title, "title_at": None}


def _insert_report(connection: sqlite3.Connection, ord_: int, loaded: LoadedReport, first_rowid: int, packer,
                   names: _Names) -> int:
    report, meta = loaded.report, loaded.report.metadata
    _insert(connection, "reports", [dict(
        ord=ord_, id=loaded.id, title=meta.title, region=meta.region, region_code=meta.region_code,
        parent=meta.parent, level=meta.level, year=meta.year,
        date=meta.date, meeting=meta.meeting, office=meta.office, speaker=meta.speaker, publisher=meta.publisher,
        published=meta.published, source=loaded.source, sha256=loaded.sha256, file=loaded.file,
        first_rowid=first_rowid, paragraphs=len(report.paragraphs),
        warnings=json.dumps(list(report.warnings), ensure_ascii=False), format=loaded.format,
        inferred=json.dumps(list(report.inferred)), provenance=json.dumps(dict(report.provenance), ensure_ascii=False),
        line=loaded.line, fingerprint=loaded.fingerprint)])
    _insert(connection, "sections", [dict(
        report=ord_, id=s.id, parent=s.parent, level=s.level, number=s.number, label=s.label, path=s.path,
        kind=s.kind, **_title_in_label(s.title, s.label)) for s in report.sections])
    rowids = range(first_rowid, first_rowid + len(report.paragraphs))
    blocks, places = loaded.packed if loaded.packed_with == packer.id and len(loaded.packed[1]) == len(
        report.paragraphs) else packer.pack_paragraphs([p.text for p in report.paragraphs])  # another dictionary
    first_block = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM blocks").fetchone()[0]
    connection.executemany("INSERT INTO blocks (id, report, data) VALUES (?, ?, ?)",
                           [(first_block + number, ord_, data) for number, data in enumerate(blocks)])
    connection.executemany("INSERT INTO paragraphs (rowid, report, id, section, block, \"at\", length)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(rowid, ord_, p.id, p.section, first_block + block, at, length)
                            for rowid, p, (block, at, length) in zip(rowids, report.paragraphs, places)])
    connection.executemany("INSERT INTO grams(rowid, g) VALUES (?, ?)", zip(rowids, loaded.grams))
    section_of = {p.id: p.section for p in report.paragraphs}
    # Figures and targets are most of a report's rows (~250): made as tuples in the column order of
    # _FIGURES_INSERT and _GOALS_INSERT, not as dicts bound by name (a tenth of the writer's work).
    name = names.id
    connection.executemany(_FIGURES_INSERT, [(
        ord_, seq, f.paragraph, section_of.get(f.paragraph), *_raw_in_context(f.raw, f.context, f.end - f.start),
        f.value, name(f.unit), f.approx, name(f.indicator), name(f.kind), int(f.target), f.context, f.start, f.end,
        f.low, f.high, names.code(f.code, f.name_en), f.basis)
        for seq, f in enumerate(report.figures, start=1)])
    # A target's clause is most often the context of the figure it was read from (the same place).
    figure_at = {(f.paragraph, f.start): (seq, f.context) for seq, f in enumerate(report.figures, start=1)}
    connection.executemany(_GOALS_INSERT, [(
        ord_, seq, g.paragraph, section_of.get(g.paragraph), name(g.indicator), g.raw, g.value, name(g.unit),
        g.comparator, g.direction, int(g.main), g.strength, g.low, g.high,
        None if g.horizon is None else name(g.horizon), *_text_of_figure(g.text, figure_at.get((g.paragraph, g.start))),
        g.start, g.end, names.code(g.code, g.name_en), g.basis) for seq, g in enumerate(report.goals, start=1)])
    _insert_concepts(connection, ord_, loaded.concepts)
    _insert(connection, "terms", [dict(
        report=ord_, seq=seq, term=t.term, heading=t.heading, definition=t.definition,
        aliases=json.dumps(list(t.aliases), ensure_ascii=False), paragraph=t.paragraph,
        mentions=json.dumps(list(t.mentions)),
        keys=json.dumps(lookup_keys(mention_forms(t)), ensure_ascii=False))
        for seq, t in enumerate(report.terms, start=1)])
    return first_rowid + len(report.paragraphs)


def _insert_concepts(connection: sqlite3.Connection, ord_: int | None, concepts) -> None:
    """Concepts (parse.concepts) with every form they are found by: the lexicon's (ord_ None) or a
    report's glossary's."""
    from reportcli.parse.concepts import key_of

    for concept in concepts:
        concept_id = connection.execute(
            "INSERT INTO concepts (report, term, definition, period) VALUES (?, ?, ?, ?)",
            (ord_, concept.term, concept.definition, concept.period)).lastrowid
        forms = [(concept.term, "term")] + [(form, "expansion") for form in concept.expansions] + \
            [(form, "member") for form in concept.members]
        rows = {(key_of(form), relation): form for form, relation in forms if key_of(form)}
        connection.executemany("INSERT INTO concept_forms (form, concept, relation, written) VALUES (?, ?, ?, ?)",
                               [(key, concept_id, relation, written) for (key, relation), written in rows.items()])


def _insert_vocabulary(connection: sqlite3.Connection, vocabulary: Counter) -> None:
    rows = []
    for word in sorted(vocabulary):
        keys = pinyin_keys(word)
        rows.append((word, vocabulary[word], *(keys or (None, None))))
    connection.executemany("INSERT INTO vocab VALUES (?, ?, ?, ?)", rows)
