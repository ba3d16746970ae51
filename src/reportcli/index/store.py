"""Opening an index: read-only for queries, read-write for `add`, with clear errors for a
missing, corrupt, foreign, older or newer file.

An index is an ordinary SQLite database in rollback-journal mode. A write (`add`) is one
transaction on the file itself, so a writer killed mid-way leaves a hot journal beside it; the
next reader rolls it back before reading (a read-only connection cannot), and sees the index
exactly as it was before the write.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from reportcli.errors import IndexFileError
from reportcli.index.schema import SCHEMA_VERSION

# Where a paragraph's text is: its packed block, the offset and length in the block's text.
_PLACE = 'block, "at", length'

# Readers wait this long for a writer's commit (a few milliseconds in practice) before giving up.
READ_TIMEOUT_SECONDS = 10.0
_READONLY_ROLLBACK = 776  # SQLITE_READONLY_ROLLBACK: a hot journal a read-only connection cannot undo


def open_index(path: Path) -> sqlite3.Connection:
    """A read-only connection to a reportcli index of this schema version."""
    if not path.is_file():
        if path.exists():
            raise IndexFileError(f"not a reportcli index (not a regular file): {path}")
        raise IndexFileError(f"index not found: {path} (create one with `reportcli build PATH -o {path}`)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_TIMEOUT_SECONDS)
        version = _schema_version(connection, path)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) != _READONLY_ROLLBACK:
            raise _unreadable(path, exc) from None
        _recover(path)
        return open_index(path)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from None
    check_version(version, path)
    return connection


def open_for_writing(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-write connection (autocommit; the caller begins its own transaction)."""
    try:
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        check_version(_schema_version(connection, path), path)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from None
    # The whole transaction stays in memory until it commits, so readers are never shut out
    # for longer than the commit itself.
    connection.execute("PRAGMA cache_spill = OFF")
    return connection


def is_index(path: Path) -> bool:
    """True when the file is a reportcli index of any schema version (safe to replace)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_TIMEOUT_SECONDS)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        return getattr(exc, "sqlite_errorcode", None) == _READONLY_ROLLBACK  # an index with an unfinished write
    except sqlite3.DatabaseError:
        return False
    return row is not None


def check_version(version: str, path: Path) -> None:
    if version == str(SCHEMA_VERSION):
        return
    if version.isdigit() and int(version) > SCHEMA_VERSION:
        raise IndexFileError(f"index {path} was written by a newer reportcli (schema version {version}; this one "
                             f"reads {SCHEMA_VERSION}): upgrade reportcli (pip install -U reportcli)")
    raise IndexFileError(f"index {path} has schema version {version}, this reportcli reads version {SCHEMA_VERSION}:"
                         f" rebuild it with `reportcli build PATH... -o {path}`")


def _schema_version(connection: sqlite3.Connection, path: Path) -> str:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise IndexFileError(f"not a reportcli index: {path}") from None
        raise
    if row is None:
        raise IndexFileError(f"not a reportcli index (no schema version): {path}")
    return row[0]


def _recover(path: Path) -> None:
    """Roll back the hot journal an interrupted write left, so that readers see the index as it was."""
    try:
        connection = sqlite3.connect(path, timeout=READ_TIMEOUT_SECONDS)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reading rolls the journal back
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise IndexFileError(f"index {path} has an unfinished write that needs write access to undo: "
                             "run any reportcli query on it once as its owner") from None


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> IndexFileError:
    code = getattr(exc, "sqlite_errorname", "") or ""
    if code.startswith("SQLITE_BUSY") or "locked" in str(exc):
        return IndexFileError(f"index {path} is busy: another process is writing it; try again in a moment")
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) or "unable to open" in str(exc):
        return IndexFileError(f"cannot open index {path}: permission denied or the file is not readable")
    if code.startswith("SQLITE_READONLY"):
        return IndexFileError(f"cannot write index {path}: it or its folder is read-only")
    return IndexFileError(f"not a reportcli index (not a readable SQLite database): {path}")


# ---------------------------------------------------------------- the read store

class Store:
    """Every read of an index: one class owns the SELECTs and returns model objects, so a query
    module never writes SQL and a new field touches the schema, the writer and this class.

    Per-report lookups (sections, paths) are cached for the life of the store (one command)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._reports: list | None = None
        self._one_report: dict[int, object] = {}
        self._sections: dict[int, list] = {}
        self._paths: dict[int, dict[int, str]] = {}
        self._achieved: dict[tuple, list] = {}
        self._sections_ahead: dict[int, dict[int, int | None]] = {}  # read_figure_sections: ord → paragraph → section
        self.derived: dict[tuple, object] = {}  # what a query derives from a report's rows, kept for the command
        self._unpack = None
        self._by_region_year: dict | None = None
        self._functions = 0  # SQL functions made so far (_function)
        self._raised: BaseException | None = None  # what the last of them raised

    @classmethod
    def open(cls, path: Path) -> "Store":
        return cls(open_index(path))

    def execute(self, sql: str, params=()):  # for the store's own methods and the tests
        return self.connection.execute(sql, params)

    # ------------------------------------------------------------ reports

    def reports(self) -> list:
        """Every report, in index order."""
        if self._reports is None:
            self._reports = self._read_reports("ORDER BY ord", ())
        return self._reports

    def _read_reports(self, where: str, params: tuple) -> list:
        from reportcli.jsoncodec import loads
        from reportcli.models import ReportRecord

        # The columns in the record's field order, each row made whole (Record._make): a query
        # over 20,000 reports makes a record of each, and by keyword that was half its time.
        fields = ReportRecord._fields
        warnings, inferred = fields.index("warnings"), fields.index("inferred")
        records = []
        for row in self.connection.execute(f"SELECT {', '.join(fields)} FROM reports {where}", params):
            values = list(row)
            values[warnings] = _json_tuple(values[warnings], loads)
            values[inferred] = _json_tuple(values[inferred], loads)
            records.append(ReportRecord._make(values))
        return records

    def reports_of(self, folded_region: str, year: int) -> list:
        """The reports of a region (its name folded) and year, in index order: looked up, not
        scanned, so that checking every target of 20,000 reports stays linear."""
        if self._by_region_year is None:
            from reportcli.text import fold

            self._by_region_year = {}
            for report in self.reports():
                if report.region and report.year is not None:
                    self._by_region_year.setdefault((fold(report.region), report.year), []).append(report)
        return self._by_region_year.get((folded_region, year), [])

    def report_count(self) -> int:
        if self._reports is not None:
            return len(self._reports)
        return self.connection.execute("SELECT count(*) FROM reports").fetchone()[0]

    def report_by_ord(self, ord_: int):
        if self._reports is None and ord_ not in self._one_report:
            # One row, not the whole table: an unfiltered search over 10,000 reports names few of them.
            self._one_report[ord_] = self._read_reports("WHERE ord = ?", (ord_,))[0]
        if self._reports is None:
            return self._one_report[ord_]
        return next(report for report in self._reports if report.ord == ord_)

    def counts(self, ord_: int) -> dict[str, int]:
        row = self.connection.execute(
            "SELECT (SELECT count(*) FROM sections WHERE report = :r), (SELECT count(*) FROM terms WHERE report = :r),"
            " (SELECT count(*) FROM figures WHERE report = :r), (SELECT count(*) FROM goals WHERE report = :r)",
            {"r": ord_}).fetchone()
        return dict(zip(("sections", "terms", "figures", "goals"), row))

    def meta(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT key, value FROM meta"))

    # ------------------------------------------------------------ sections

    def sections(self, ord_: int) -> list:
        """The report's sections (models.Section), in outline order."""
        if ord_ not in self._sections:
            from reportcli.models import Section

            self._sections[ord_] = [Section._make(row) for row in self.connection.execute(
                f"SELECT id, parent, level, number, label, {_TITLE}, path, kind FROM sections WHERE report = ? ORDER BY id",
                (ord_,))]
        return self._sections[ord_]

    def section_labels(self, ord_: int) -> list[tuple[int, str]]:
        """(id, heading as written) of the report's sections, in outline order; not kept."""
        return self.connection.execute("SELECT id, label FROM sections WHERE report = ? ORDER BY id",
                                       (ord_,)).fetchall()

    def forget_report(self, ord_: int) -> None:
        """Drop what this store keeps of one report (its sections and section paths): a command
        that reads every report in turn (outline, count) then holds one report's, not the index's
        (20,000 reports: ~600,000 sections)."""
        self._sections.pop(ord_, None)
        self._paths.pop(ord_, None)

    def section_path(self, ord_: int, section_id: int | None) -> str:
        return "" if section_id is None else self.section_paths(ord_).get(section_id, "")

    def section_paths(self, ord_: int) -> dict[int, str]:
        """The report's section ids → their paths, kept until forget_report."""
        if ord_ not in self._paths:
            # ids → paths only (from the sections when this store has read them already): a query
            # over 20,000 reports reads every report's, and models.Section records for all of them
            # would cost more than the query
            self._paths[ord_] = {section.id: section.path for section in self._sections[ord_]} \
                if ord_ in self._sections else \
                dict(self.connection.execute("SELECT id, path FROM sections WHERE report = ?", (ord_,)))
        return self._paths[ord_]

    def top_sections(self, ords: list[int]) -> Iterator[tuple[int, list[tuple[int, str]]]]:
        """(report ord, the (id, title) of its top-level sections in id order) for many reports, a
        statement per 900 of them; reports without sections are left out. Not kept: the caller
        keeps what it derives."""
        for start in range(0, len(ords), 900):
            chunk = sorted(ords[start:start + 900])
            rows = self.connection.execute(
                f"SELECT report, id, {_TITLE} FROM sections WHERE parent IS NULL"
                f" AND report IN ({','.join(map(str, chunk))}) ORDER BY report, id")
            for ord_, group in groupby(rows, key=itemgetter(0)):
                yield ord_, [row[1:] for row in group]

    def glossary_sections(self, ord_: int) -> set[int]:
        return {section.id for section in self.sections(ord_) if section.kind == "glossary"}

    def section_stats(self, report) -> tuple[dict[int, int], dict[int, int]]:
        """(paragraphs directly in each section, the first paragraph id of each section) of
        `report` (a ReportRecord). Read by the report's rowid range: paragraphs have no index on
        their report, and a scan for it, once a report, made `outline` and `count` quadratic
        (5,000 reports: 89 s)."""
        counts, firsts = {}, {}
        for section, count, first in self.connection.execute(
                "SELECT section, count(*), min(id) FROM paragraphs WHERE rowid BETWEEN ? AND ? GROUP BY section",
                (report.first_rowid, report.last_rowid)):
            counts[section], firsts[section] = count, first
        return counts, firsts

    # ------------------------------------------------------------ paragraphs

    def _text(self, block: int, at: int, length: int, packed: bytes | None = None) -> str:
        """A paragraph's text: its place in a packed block (index.packing), with the index's
        dictionary; `packed`, the block's bytes when the caller read them with the paragraph."""
        if self._unpack is None:
            from reportcli.index.packing import Unpacker

            self._unpack = Unpacker(self.connection.execute("SELECT data FROM dictionary").fetchone()[0])
        return self._unpack.text(block, at, length, packed, self._packed_block)

    def _packed_block(self, block: int) -> bytes:
        return self.connection.execute("SELECT data FROM blocks WHERE id = ?", (block,)).fetchone()[0]

    def paragraph(self, report, paragraph_id: int) -> tuple[int | None, str]:
        """(section id, text) of one paragraph of `report` (a ReportRecord)."""
        row = self.connection.execute(f"SELECT section, {_PLACE} FROM paragraphs WHERE rowid = ?",
                                      (report.first_rowid + paragraph_id - 1,)).fetchone()
        return (row[0], self._text(*row[1:])) if row is not None else None

    def paragraph_texts(self, report, ids) -> dict[int, str]:
        """id → text of the given paragraphs of `report` (a ReportRecord), a statement per 900."""
        rowids = sorted({report.first_rowid + id_ - 1 for id_ in ids})
        texts = {}
        for start in range(0, len(rowids), 900):
            chunk = ",".join(map(str, rowids[start:start + 900]))
            for pid, block, at, length, packed in self.connection.execute(
                    "SELECT p.id, p.block, p.\"at\", p.length, b.data FROM paragraphs p JOIN blocks b ON b.id = p.block"
                    f" WHERE p.rowid IN ({chunk})"):
                texts[pid] = self._text(block, at, length, packed)
        return texts

    def paragraph_range(self, report, low: int, high: int) -> list[tuple[int, int | None, str]]:
        """(id, section id, text) of paragraphs low..high of `report`."""
        return [(pid, section, self._text(*place)) for pid, section, *place in self.connection.execute(
            f"SELECT id, section, {_PLACE} FROM paragraphs WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
            (report.first_rowid + low - 1, report.first_rowid + high - 1))]

    def paragraph_rows(self, rowids: list[int]):
        """(rowid, report ord, id, section id, text) for the given rowids, in chunks."""
        for start in range(0, len(rowids), 900):
            chunk = rowids[start:start + 900]
            # The block's bytes in the same statement: candidates of a search lie in ~1 block each.
            for rowid, report, pid, section, block, at, length, packed in self.connection.execute(
                    "SELECT p.rowid, p.report, p.id, p.section, p.block, p.\"at\", p.length, b.data FROM paragraphs p"
                    f" JOIN blocks b ON b.id = p.block WHERE p.rowid IN ({','.join('?' * len(chunk))})", chunk):
                yield rowid, report, pid, section, self._text(block, at, length, packed)

    def paragraphs_with(self, report, expression: str | None):
        """(id, section id, text) of the report's paragraphs whose bigrams match an FTS
        expression (every paragraph when it is None), in text order."""
        if expression is None:
            rows = self.connection.execute(
                f"SELECT id, section, {_PLACE} FROM paragraphs WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
                (report.first_rowid, report.last_rowid))
        else:
            # the block's bytes in the same statement (a report's matches lie in a few blocks each)
            rows = self.connection.execute(
                "SELECT p.id, p.section, p.block, p.\"at\", p.length, b.data FROM grams g"
                " JOIN paragraphs p ON p.rowid = g.rowid JOIN blocks b ON b.id = p.block"
                " WHERE grams MATCH ? AND g.rowid BETWEEN ? AND ? ORDER BY g.rowid",
                (expression, report.first_rowid, report.last_rowid))
        return ((pid, section, self._text(*place)) for pid, section, *place in rows)

    def candidate_rowids(self, expression: str | None, low: int | None, high: int | None, cap: int,
                         exclude: set[int]) -> list[int]:
        """Paragraph rowids whose bigrams match `expression` (all, when None), within a rowid
        range, at most `cap` (0 = no cap), skipping `exclude`."""
        where, params = [], []
        if expression is not None:
            where.append("grams MATCH ?")
            params.append(expression)
        if low is not None:
            where.append("rowid BETWEEN ? AND ?")
            params.extend((low, high))
        table = "grams" if expression is not None else "paragraphs"
        sql = f"SELECT rowid FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        found = []
        for (rowid,) in self.connection.execute(sql, params):
            if rowid in exclude:
                continue
            found.append(rowid)
            if cap and len(found) >= cap:
                break
        return found

    def matching_count(self, expression: str, limit: int, low: int | None = None, high: int | None = None) -> int:
        """How many paragraphs (within a rowid range, when given) match an FTS expression, counted
        up to `limit`."""
        within, params = ("", []) if low is None else (" AND rowid BETWEEN ? AND ?", [low, high])
        return self.connection.execute(f"SELECT count(*) FROM (SELECT 1 FROM grams WHERE grams MATCH ?{within} LIMIT ?)",
                                       (expression, *params, limit)).fetchone()[0]

    # ------------------------------------------------------------ figures and targets

    def figures(self, report, *, unit: str | None = None, kind: str | None = None, target: bool | None = None,
                minimum: float | None = None, maximum: float | None = None, code: str | None = None,
                keep=None) -> list:
        """The report's figures (models.Figure with report and section filled in), in text order;
        with `keep`, only those for which keep(indicator, context) holds (tested before a
        Figure is made: a query over many reports keeps few of their figures)."""
        where, params = _figure_filters(unit=unit, kind=kind, target=target, minimum=minimum, maximum=maximum,
                                        code=code)
        return _figures_of(report, self._rows_of(report, _FIGURES, "f", where, params, "f.seq"), keep)

    def figures_by_report(self, reports: list, *, keep=None, naming: tuple[list[int], str | None] | None = None,
                          panel: bool = False, **filters) -> Iterator[tuple[object, list]]:
        """(report, its figures as `figures` gives them) for each of `reports` that has any, in
        their order (models.PanelFigure with `panel`). `naming` = (name ids, FTS expression)
        narrows them, before `keep` is asked, to figures whose indicator is one of the names or
        whose paragraph matches the expression: a query word (metrics QUERY) then reads the few
        figures that may name it, not all."""
        where, params = _figure_filters(**filters)
        if naming is not None and len(reports) >= _ONE_STATEMENT_FROM:  # (a few reports: a statement each, and
            _naming_filter("f", where, params, *naming)  # the FTS subquery would be read again in each)
        return self._by_report_kept(keep, f"{_name('f.indicator')}, f.context", reports, _FIGURES, "f", where, params,
                                    "f.seq", lambda report, rows: _figures_of(report, rows, None, panel))

    def _by_report_kept(self, keep, columns: str, reports: list, select: str, alias: str, where: list[str],
                        params: list, order: str, make):
        """_by_report, keeping only the rows for which keep(the two `columns`) holds. SQLite asks
        it in the WHERE clause, so that a row it rejects has none of its other columns made
        (section path, names: ~4 µs a row; metrics 就业 rejects 210,000 rows)."""
        if keep is None:
            return self._by_report(reports, select, alias, where, params, order, make)
        name = self._function(keep)
        return self._dropping(name, self._by_report(reports, select, alias, [*where, f"{name}({columns})"], params,
                                                    order, make))

    def _function(self, test) -> str:
        """The name of a new SQL function: is test(a, b) true? (each call its own name: a statement
        still being read keeps the function it was prepared with)."""
        self._functions += 1
        name = f"reportcli_test_{self._functions}"
        self.connection.create_function(name, 2, lambda first, second: bool(test(first, second)), deterministic=True)
        return name

    def _dropping(self, name: str, rows):
        """`rows`, then the test of function `name` let go (a notebook asking thousands of queries
        would otherwise keep each one's, and what it holds: the name stays, never called again)."""
        try:
            yield from rows
        finally:
            try:
                self.connection.create_function(name, 2, None)
            except sqlite3.Error:  # a statement left half read still uses it: it stays, harmless
                pass

    def _read(self, sql: str, params):
        """The rows of a statement (a cursor; run when first read when it may call a function)."""
        if not self._functions:
            return self.connection.execute(sql, params)
        return self._read_guarded(sql, params)

    def _read_guarded(self, sql: str, params):
        """An exception raised inside one of a statement's functions (_function) reaches SQLite,
        which only says "user-defined function raised exception": Ctrl-C, which lands there as
        often as not in `metrics 就业`, is kept by the handler below and raised as itself."""
        import signal

        self._raised = None
        previous = signal.getsignal(signal.SIGINT)
        guarded = callable(previous)
        if guarded:
            def on_interrupt(number, frame):
                try:
                    previous(number, frame)
                except BaseException as error:
                    self._raised = error
                    raise

            try:
                signal.signal(signal.SIGINT, on_interrupt)
            except ValueError:  # not the main thread: no handler can be set (nor does Ctrl-C land here)
                guarded = False
        try:
            yield from self.connection.execute(sql, params)
        except sqlite3.OperationalError:
            raised, self._raised = self._raised, None
            if raised is not None:
                raise raised from None
            raise
        finally:
            if guarded:
                signal.signal(signal.SIGINT, previous)

    def count_figures(self, reports: list, **filters) -> int:
        """How many figures `figures_by_report(reports, **filters)` gives, counted in SQL."""
        return self._count(reports, "figures", "f", *_figure_filters(**filters))

    def count_goals(self, reports: list, *, main_only: bool = False, code: str | None = None) -> int:
        """How many targets `goals_by_report(reports, …)` gives, counted in SQL."""
        return self._count(reports, "goals", "g", *_goal_filters(main_only, code))

    def _count(self, reports: list, table: str, alias: str, where: list[str], params: list) -> int:
        if len(reports) == self.report_count():
            conditions = f" WHERE {' AND '.join(where)}" if where else ""
            return self.connection.execute(f"SELECT count(*) FROM {table} {alias}{conditions}", params).fetchone()[0]
        ords = sorted(report.ord for report in reports)
        return sum(self.connection.execute(
            f"SELECT count(*) FROM {table} {alias} WHERE "
            + " AND ".join([*where, f"{alias}.report IN ({','.join(map(str, ords[at:at + 900]))})"]), params
        ).fetchone()[0] for at in range(0, len(ords), 900))

    def name_ids(self, test) -> list[int]:
        """The ids of the index's shared strings (names: indicators, units …) for which test(text) holds."""
        return [id_ for id_, text in self.connection.execute("SELECT id, text FROM names ORDER BY id") if test(text)]

    def achieved(self, report, code: str | None, unit: str | None) -> list:
        """The report's achieved figures of a code and unit, kept for the store's life: the
        targets of many reports are checked against few reports, each many times."""
        key = (report.ord, code, unit)
        if key not in self._achieved:
            ahead = self._achieved.get((report.ord, code, _ANY_UNIT))
            self._achieved[key] = self.figures(report, target=False, code=code, unit=unit) if ahead is None else \
                [figure for figure in ahead if unit is None or figure.unit == unit]  # (text order kept)
        return self._achieved[key]

    def read_achieved(self, reports: list, code: str) -> None:
        """Read what `achieved` gives of one code for many reports at once, every unit (a
        statement for all, not one a report: goals --check over 20,000 reports asks ~6,000)."""
        found = {report.ord: figures for report, figures in self.figures_by_report(reports, target=False, code=code)}
        for report in reports:
            self._achieved[(report.ord, code, _ANY_UNIT)] = found.get(report.ord, [])

    def forget_read_ahead(self) -> None:
        """Drop the achieved figures and paragraph sections kept so far (read_achieved,
        read_figure_sections, achieved): a query that has checked a part of the index reads the
        next part's, and memory stays that of a part (goals --check over 20,000 reports)."""
        self._achieved.clear()
        self._sections_ahead.clear()

    def read_figure_sections(self, pairs: list) -> None:
        """Read what `figure_sections(report, figures)` gives for many (report, figures) pairs at
        once (a statement per 5,000 paragraphs, not one a report)."""
        report_of = {report.first_rowid + figure.paragraph - 1: report.ord for report, figures in pairs
                     for figure in figures}
        rowids = sorted(report_of)
        for start in range(0, len(rowids), 5000):
            chunk = ",".join(map(str, rowids[start:start + 5000]))
            for rowid, id_, section in self.connection.execute(
                    f"SELECT rowid, id, section FROM paragraphs WHERE rowid IN ({chunk})"):
                self._sections_ahead.setdefault(report_of[rowid], {})[id_] = section

    def _rows_of(self, report, select: str, alias: str, where: list[str], params: list, order: str):
        """The rows of `select` (a table named `alias`) for one report, filtered and ordered."""
        conditions = " AND ".join([f"{alias}.report = ?", *where])
        return self._read(f"{select} WHERE {conditions} ORDER BY {order}", [report.ord, *params])

    def _by_report(self, reports: list, select: str, alias: str, where: list[str], params: list, order: str,
                   make):
        """(report, make(report, its rows)) for each of `reports` with rows. Over many reports,
        one statement for all (a statement a report costs more than its rows: 20,000 reports,
        ~0.5 s); the report ord is each row's last column."""
        if len(reports) < _ONE_STATEMENT_FROM:
            for report in reports:
                made = make(report, self._rows_of(report, select, alias, where, params, order))
                if made:
                    yield report, made
            return
        by_ord = {report.ord: report for report in reports}
        if len(by_ord) * 2 < self.report_count():  # a part of the index (a filter, a chunk): only its reports' rows
            where = [*where, f"{alias}.report IN ({','.join(map(str, sorted(by_ord)))})"]
        conditions = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._read(f"{select}{conditions} ORDER BY {alias}.report, {order}", params)
        # Reports in index order (as queries select them): each is given as its rows come, so a
        # caller that writes them as it goes holds one report's rows, not the index's.
        in_order = all(earlier.ord < later.ord for earlier, later in zip(reports, reports[1:]))
        found: dict[int, list] = {}
        for ord_, group in groupby(rows, key=itemgetter(-1)):
            report = by_ord.get(ord_)
            if report is not None:
                made = make(report, group)
                if made and in_order:
                    yield report, made
                elif made:
                    found[ord_] = made
        for report in reports:
            if report.ord in found:
                yield report, found[report.ord]

    def figure_sections(self, report, figures: list | None = None) -> dict[int, int | None]:
        """paragraph id → section id, for the paragraphs that hold figures (of `figures` only,
        when given: an outcome over 20,000 reports asks for one or two a report, and reading a
        report's every figure for them cost more than the rest of the query)."""
        if figures is None:
            return dict(self.connection.execute("SELECT DISTINCT paragraph, section FROM figures WHERE report = ?",
                                                (report.ord,)))
        ahead = self._sections_ahead.get(report.ord, {})
        if all(figure.paragraph in ahead for figure in figures):
            return {figure.paragraph: ahead[figure.paragraph] for figure in figures}
        return self.paragraph_sections(report, [figure.paragraph for figure in figures])

    def paragraph_sections(self, report, ids) -> dict[int, int | None]:
        """paragraph id → section id, for the given paragraphs of `report` (a statement per 900;
        their text is not read)."""
        rowids = sorted({report.first_rowid + id_ - 1 for id_ in ids})
        sections: dict[int, int | None] = {}
        for start in range(0, len(rowids), 900):
            sections.update(self.connection.execute(
                f"SELECT id, section FROM paragraphs WHERE rowid IN ({','.join(map(str, rowids[start:start + 900]))})"))
        return sections

    def goals(self, report, *, main_only: bool = False, code: str | None = None) -> list:
        """The report's targets (models.Goal), headline targets first, then in text order."""
        where, params = _goal_filters(main_only, code)
        return _goals_of(report, self._rows_of(report, _GOALS, "g", where, params, "g.main DESC, g.seq"))

    def goals_by_report(self, reports: list, *, main_only: bool = False, code: str | None = None,
                        naming: tuple[list[int], str | None] | None = None, keep=None) -> Iterator[tuple[object, list]]:
        """(report, its targets as `goals` gives them) for each of `reports` that has any;
        `naming` and `keep(indicator, text)` narrow them as they do figures (figures_by_report)."""
        where, params = _goal_filters(main_only, code)
        if naming is not None and len(reports) >= _ONE_STATEMENT_FROM:
            _naming_filter("g", where, params, *naming)
        return self._by_report_kept(keep, f"{_name('g.indicator')}, {_GOAL_TEXT}", reports, _GOALS, "g", where, params,
                                    "g.main DESC, g.seq", _goals_of)

    # ------------------------------------------------------------ glossary

    def terms(self, report) -> list[dict]:
        """The report's glossary terms as dicts: seq, term, heading, definition, aliases, paragraph,
        mentions, keys (lookup keys), section (id of the defining paragraph's section)."""
        return next((found for _, found in self.terms_by_report([report])), [])

    def terms_by_report(self, reports: list) -> Iterator[tuple[object, list[dict]]]:
        """(report, its terms as `terms` gives them) for each of `reports` that has any, in their
        order (one statement for many reports: `define` lists every term of the index)."""
        return self._by_report(reports, _TERMS, "t", [], [], "t.seq", _terms_of)

    def term_names(self, report) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT term FROM terms WHERE report = ? ORDER BY seq",
                                                          (report.ord,))]

    # ------------------------------------------------------------ concepts (shorthand and long forms)

    def concepts_with_form(self, key: str) -> list[tuple[int, int | None, str]]:
        """(concept id, report ord or None for the lexicon, relation) of concepts with this form."""
        return self.connection.execute(
            "SELECT f.concept, c.report, f.relation FROM concept_forms f JOIN concepts c ON c.id = f.concept"
            " WHERE f.form = ? ORDER BY c.report IS NOT NULL, f.concept", (key,)).fetchall()

    def lexicon_terms(self) -> list[str]:
        """The shorthand the shipped lexicon defines, as written."""
        return [row[0] for row in self.connection.execute("SELECT term FROM concepts WHERE report IS NULL ORDER BY id")]

    def concept(self, concept_id: int) -> dict:
        """A concept: term, report (ord or None), definition, period, and its forms as
        (written, relation) pairs."""
        term, report, definition, period = self.connection.execute(
            "SELECT term, report, definition, period FROM concepts WHERE id = ?", (concept_id,)).fetchone()
        forms = self.connection.execute("SELECT written, relation FROM concept_forms WHERE concept = ? ORDER BY rowid",
                                        (concept_id,)).fetchall()
        return {"id": concept_id, "term": term, "report": report, "definition": definition, "period": period,
                "forms": forms}

    # ------------------------------------------------------------ vocabulary (search)

    def document_frequency(self, word: str) -> int | None:
        row = self.connection.execute("SELECT df FROM vocab WHERE word = ?", (word,)).fetchone()
        return row[0] if row else None

    def words_by_pinyin(self, key: str, limit: int = 8) -> list[tuple[str, int, bool]]:
        """(word, df, spelled by initials) for words whose toneless pinyin or initials are `key`."""
        return self.connection.execute(
            "SELECT word, df, pinyin != :key FROM vocab WHERE pinyin = :key OR (initials = :key AND length(word) > 1)"
            " ORDER BY pinyin = :key DESC, df DESC, word LIMIT :limit", {"key": key, "limit": limit}).fetchall()

    # ------------------------------------------------------------ completion

    def report_ids_like(self, prefix: str) -> list[str]:
        return [row[0] for row in self.connection.execute(
            "SELECT id FROM reports WHERE id LIKE ? ESCAPE '\\' ORDER BY ord", (_like_prefix(prefix),))]

    def terms_like(self, prefix: str) -> list[str]:
        return list(dict.fromkeys(row[0] for row in self.connection.execute(
            "SELECT term FROM terms WHERE term LIKE ? ESCAPE '\\' ORDER BY report, seq", (_like_prefix(prefix),))))

    def units_like(self, prefix: str) -> list[str]:
        return [row[0] for row in self.connection.execute(
            "SELECT n.text FROM figures f JOIN names n ON n.id = f.unit WHERE n.text != '' AND n.text LIKE ? ESCAPE '\\'"
            " GROUP BY f.unit ORDER BY count(*) DESC, n.text",
            (_like_prefix(prefix),))]

    def codes_like(self, prefix: str) -> list[tuple[str, str]]:
        return self.connection.execute(
            "SELECT c.code, c.name_en FROM codes c WHERE c.code LIKE ? ESCAPE '\\'"
            " AND EXISTS (SELECT 1 FROM figures f WHERE f.code = c.code) ORDER BY c.code",
            (_like_prefix(prefix),)).fetchall()

    def section_numbers_like(self, prefix: str, report_ids: list[str]) -> list[tuple[str, str]]:
        sql = ("SELECT s.number, s.label FROM sections s JOIN reports r ON r.ord = s.report WHERE s.number LIKE ?"
               + (f" AND r.id IN ({','.join('?' * len(report_ids))})" if report_ids else "") + " ORDER BY s.report, s.id")
        seen: dict[str, str] = {}
        for number, label in self.connection.execute(sql, (_like_prefix(prefix), *report_ids)):
            seen.setdefault(number, label)
        return list(seen.items())

    def paragraph_counts(self, report_ids: list[str]) -> list[tuple[str, int]]:
        return self.connection.execute("SELECT id, paragraphs FROM reports" + (
            f" WHERE id IN ({','.join('?' * len(report_ids))})" if report_ids else "") + " ORDER BY ord",
            report_ids).fetchall()


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def plain_value(value: float | None) -> int | float | None:
    """A stored REAL as people write it: 81000000, not 81000000.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# A query over at least this many reports reads their figures or targets in one statement.
_ONE_STATEMENT_FROM = 64

# A row's shared strings (index.schema: names, codes), each a primary-key lookup in the statement.
def _name(column: str) -> str:
    return f"(SELECT n.text FROM names n WHERE n.id = {column})"


def _english(column: str) -> str:
    return f"(SELECT c.name_en FROM codes c WHERE c.code = {column})"


# The key of a report's achieved figures of a code in every unit (Store.read_achieved).
_ANY_UNIT = ("any unit",)

# A heading without its marker (index.schema: sections.title, title_at).
_TITLE = "coalesce(title, substr(label, title_at + 1))"

# A figure row with its section's path (a primary-key lookup a row, in the same statement: a
# query over 20,000 reports would otherwise read every report's sections once more); f.report last.
_FIGURES = ("SELECT f.paragraph, (SELECT s.path FROM sections s WHERE s.report = f.report AND s.id = f.section),"
            " coalesce(f.raw, substr(f.context, f.raw_at + 1, f.\"end\" - f.start)), f.value, "
            + _name("f.unit") + ", f.approx, " + _name("f.indicator") + ", " + _name("f.kind") + ", f.target, f.context,"
            " f.start, f.\"end\", f.low, f.high, f.code, " + _english("f.code") + ", f.basis, f.report FROM figures f")


def _figure_filters(*, unit: str | None = None, kind: str | None = None, target: bool | None = None,
                    minimum: float | None = None, maximum: float | None = None,
                    code: str | None = None) -> tuple[list[str], list]:
    """(conditions, their parameters) for the figures wanted."""
    where, params = [], []
    for column, wanted in (("unit", unit), ("kind", kind)):
        if wanted is not None:
            where.append(f"f.{column} = (SELECT n.id FROM names n WHERE n.text = ?)")
            params.append(wanted)
    if code is not None:
        where.append("f.code = ?")
        params.append(code)
    if target is not None:
        where.append("f.target = ?")
        params.append(int(target))
    if minimum is not None:
        where.append("f.value >= ?")
        params.append(minimum)
    if maximum is not None:
        where.append("f.value <= ?")
        params.append(maximum)
    return where, params


def _naming_filter(alias: str, where: list[str], params: list, name_ids: list[int], expression: str | None) -> None:
    """Figures or targets (table `alias`) whose indicator is one of `name_ids` or whose paragraph's
    bigrams match `expression`."""
    either = [f"{alias}.indicator IN ({','.join(map(str, name_ids))})"] if name_ids else []
    if expression is not None:
        # the matching paragraphs as (report, paragraph id) pairs, read once: no lookup of the
        # row's report for each of the millions of rows tested (−30% of the statement)
        either.append(f"({alias}.report, {alias}.paragraph) IN (SELECT p.report, p.id FROM paragraphs p"
                      " WHERE p.rowid IN (SELECT rowid FROM grams WHERE grams MATCH ?))")
        params.append(expression)
    where.append(f"({' OR '.join(either)})" if either else "0")


# A glossary term with its defining paragraph's section; t.report last.
_TERMS = ("SELECT t.seq, t.term, t.heading, t.definition, t.aliases, t.paragraph, t.mentions, t.keys, p.section,"
          " t.report FROM terms t JOIN reports r ON r.ord = t.report"
          " JOIN paragraphs p ON p.rowid = r.first_rowid + t.paragraph - 1")


def _terms_of(report, rows) -> list[dict]:
    from reportcli.jsoncodec import loads

    return [dict(seq=row[0], term=row[1], heading=row[2], definition=row[3], aliases=loads(row[4]),
                 paragraph=row[5], mentions=loads(row[6]), keys=loads(row[7]), section=row[8]) for row in rows]


# A target's text: its own, or the clause of the figure it was read from.
_GOAL_TEXT = "coalesce(g.text, (SELECT f.context FROM figures f WHERE f.report = g.report AND f.seq = g.figure))"
# A target row with its section's path; g.report last.
_GOALS = ("SELECT g.paragraph, (SELECT s.path FROM sections s WHERE s.report = g.report AND s.id = g.section), "
          + _name("g.indicator") + ", g.raw, g.value, " + _name("g.unit") + ", g.comparator, g.direction, g.main,"
          " g.strength, g.low, g.high, " + _name("g.horizon") + f", {_GOAL_TEXT}, g.start, g.\"end\", g.code, "
          + _english("g.code") + ", g.basis, g.report FROM goals g")


def _goal_filters(main_only: bool, code: str | None) -> tuple[list[str], list]:
    """(conditions, their parameters) for the targets wanted."""
    where, params = (["g.main = 1"] if main_only else []), []
    if code is not None:
        where.append("g.code = ?")
        params.append(code)
    return where, params


def _goals_of(report, rows) -> list:
    """models.Goal rows, each made whole from its columns (in the record's field order: _GOALS)."""
    from reportcli.models import Goal

    make = Goal._make
    return [make((report.id, row[0], row[1] or "", *row[2:4], plain_value(row[4]), *row[5:8], bool(row[8]), row[9],
                  plain_value(row[10]), plain_value(row[11]), *row[12:19]))
            for row in rows]


def _figures_of(report, rows, keep, panel: bool = False) -> list:
    """models.Figure rows, each made whole from its columns (in the record's field order:
    _FIGURES); with `panel`, models.PanelFigure (made once, not a Figure copied: a query over
    20,000 reports makes tens of thousands)."""
    from reportcli.models import Figure, PanelFigure

    make, tail = (PanelFigure._make, (report.year, report.region, report.region_code)) if panel else (Figure._make, ())
    return [make((report.id, row[0], row[1] or "", row[2], plain_value(row[3]), *row[4:8], bool(row[8]), *row[9:12],
                  plain_value(row[12]), plain_value(row[13]), *row[14:17], *tail))
            for row in rows if keep is None or keep(row[6], row[9])]


def _json_tuple(text: str, loads) -> tuple:
    """A JSON list column as a tuple; most are empty, and "[]" needs no parser."""
    return () if text == "[]" else tuple(loads(text))
