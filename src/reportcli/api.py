"""The Python library: every query the CLI answers, as lists of dicts equal to its `--json` rows.

    import reportcli
    with reportcli.open("corpus.sqlite") as ix:
        panel = ix.goals(main=True, check=True, code="gdp_growth")   # pandas.DataFrame(panel)

The CLI is a thin layer over this module (sqlite-utils' split): each command parses its options,
calls the Index method's `answer_*` twin — the same code path, so the two cannot drift — and hands
the rows to the renderer. Keyword arguments mirror the CLI's options with the same defaults;
`report` takes an id or a list of ids. Errors raise reportcli.ReportcliError subclasses; a
question with no answer (no match, a filter that selects no report) returns [].

Imports stay light: query modules load when a method first needs them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reportcli.errors import NoResults, UsageError
from reportcli.record import Record

Rows = list[dict[str, Any]]


class Answer(Record):
    """What a query found, before --limit: the rows, how many there are (`total` may exceed the
    rows a capped search ranked: `at_least`), notes for stderr, and what to say when empty.
    A streamed answer (stream=True) has an iterator of rows, made as they are taken, and no
    total (None): nothing is held but the row being written."""

    rows: list | Iterator
    total: int | None
    at_least: bool = False
    notes: tuple[str, ...] = ()
    empty: str = "no results"
    count: Any = None  # a streamed answer: a function giving the number of its rows without making them, or None


def _answer(rows: list | Iterator, empty: str, **extra) -> Answer:
    return Answer(rows=rows, total=extra.pop("total", len(rows) if isinstance(rows, list) else None), empty=empty,
                  **extra)


def _sorted(store, rows: Iterable, sort: str, choices: tuple[str, ...], limit: int = 0) -> list:
    """--sort on search, metrics and goals: the command's own order (relevance, position: the
    first choice), the report's year (oldest first, the own order within a year), or the value
    (largest first); by report: index order. With `limit`, only the first `limit` rows are kept
    as they come (heapq.nsmallest is sorted()[:limit], ties in their order): the memory of the
    limit, not of the answer (metrics --sort value -n 20 over 5,000 reports held 1.3 GB)."""
    import heapq

    if sort not in choices:
        raise UsageError(f"--sort must be one of {', '.join(choices)}")
    if sort == choices[0]:
        return rows
    if sort == "value":
        def key(row):
            return row.value is None, -(row.value or 0)
    else:
        order = {report.id: (report.year or 0, report.ord) for report in store.reports()}
        position = 1 if sort == "report" else 0

        def key(row):
            return order.get(row.report, (0, 0))[position]
    return heapq.nsmallest(limit, rows, key=key) if limit else sorted(rows, key=key)


class _Counting:
    """An iterator that counts the rows it gives (the total of an answer cut while sorted)."""

    def __init__(self, rows: Iterable) -> None:
        self.rows, self.seen = iter(rows), 0

    def __iter__(self) -> "_Counting":
        return self

    def __next__(self):
        row = next(self.rows)
        self.seen += 1
        return row


def _checked(code: str | None) -> str | None:
    """A --code given, checked against the curated table (an unknown one is a usage error)."""
    if code is None:
        return None
    from reportcli.query.codes import checked_code

    return checked_code(code)


def _selection(report: str | Iterable[str] | None, region: str | None, year: int | None, level: str | None):
    from reportcli.query.common import ReportFilter

    ids = (report,) if isinstance(report, str) else tuple(report or ())
    return ReportFilter(ids=ids, region=region, year=year, level=level)


class Index:
    """A reportcli index, opened read-only (see reportcli.open)."""

    def __init__(self, path: str | Path | None = None) -> None:
        from reportcli.config import resolve_index

        self.path = resolve_index(str(path) if path is not None else None)
        self._store = None

    # ------------------------------------------------------------ lifetime

    @property
    def store(self):  # -> reportcli.index.store.Store
        """The open index (opened on first use: a clear IndexFileError if it cannot be)."""
        if self._store is None:
            from reportcli.index.store import Store

            self._store = Store.open(self.path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.connection.close()
            self._store = None

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"reportcli.Index({str(self.path)!r})"

    # ------------------------------------------------------------ answers (shared with the CLI)

    def answer_reports(self, *, report=None, region=None, year=None, level=None) -> Answer:
        from reportcli.query.reports import list_reports

        return _answer(list_reports(self.store, _selection(report, region, year, level)), "the index holds no reports")

    def answer_search(self, query: str | list[str], *, section: str | None = None, exact: bool = False,
                      limit: int = 20, sort: str = "relevance", report=None, region=None, year=None,
                      level=None) -> Answer:
        from reportcli.query.common import check_limit
        from reportcli.query.search import search

        words = [query] if isinstance(query, str) else list(query)
        result = search(self.store, words, _selection(report, region, year, level), section, check_limit(limit),
                        exact=exact)
        hits = _sorted(self.store, result.hits, sort, ("relevance", "year", "report"))
        return _answer(hits, f"no paragraph matches {' '.join(words)!r}", total=result.total,
                       at_least=result.capped, notes=tuple(result.notes))

    def answer_metrics(self, query: str | None = None, *, unit: str | None = None, kind: str | None = None,
                       code: str | None = None, section: str | None = None, target: bool | None = None,
                       minimum: float | None = None, maximum: float | None = None, sort: str = "position",
                       report=None, region=None, year=None, level=None, stream: bool = False,
                       limit: int = 0) -> Answer:
        """`stream`: the rows as an iterator when the order is the text's (see Answer). `limit`:
        sorted by value, only the first `limit` rows are kept (`total` still counts all)."""
        from reportcli.query.metrics import iter_metrics, metrics

        code = _checked(code)
        # the filters SQL applies (count_metrics counts them); --section is tested row by row
        filters = dict(unit=unit, kind=kind, target=target, minimum=minimum, maximum=maximum, code=code)
        selection = _selection(report, region, year, level)
        if sort == "value" and limit:
            found = _Counting(iter_metrics(self.store, query, selection, section=section, **filters))
            kept = _sorted(self.store, found, sort, ("position", "value"), limit)
            return _answer(kept, "no figures match", total=found.seen)
        if stream and sort == "position":
            from reportcli.query.metrics import count_metrics

            rows = iter_metrics(self.store, query, selection, section=section, **filters)
            return _answer(rows, "no figures match", count=None if query is not None or section is not None else
                           lambda: count_metrics(self.store, selection, **filters))
        return _answer(metrics(self.store, query, selection, section=section, sort=sort, **filters), "no figures match")

    def answer_goals(self, query: str | None = None, *, main: bool = False, code: str | None = None,
                     check: bool = False, sort: str = "position", report=None, region=None, year=None,
                     level=None, stream: bool = False, limit: int = 0) -> Answer:
        """`stream`: the rows as an iterator when the order is goals' own (see Answer). `limit`:
        sorted otherwise, only the first `limit` rows are kept (`total` still counts all)."""
        from reportcli.query.goals import goals, iter_goals

        code = _checked(code)
        selection = _selection(report, region, year, level)
        if sort != "position" and limit:
            found = _Counting(iter_goals(self.store, query, selection, main_only=main, check=check, code=code))
            kept = _sorted(self.store, found, sort, ("position", "year", "value"), limit)
            return _answer(kept, "no targets found", total=found.seen)
        if stream and sort == "position":
            from reportcli.query.goals import count_goals

            return _answer(iter_goals(self.store, query, selection, main_only=main, check=check, code=code),
                           "no targets found", count=None if query else
                           lambda: count_goals(self.store, selection, main_only=main, code=code))
        rows = goals(self.store, query, selection, main_only=main, check=check, code=code)
        return _answer(_sorted(self.store, rows, sort, ("position", "year", "value")), "no targets found")

    def answer_define(self, term: str | None = None, *, report=None, region=None, year=None, level=None) -> Answer:
        from reportcli.query.define import define

        return _answer(define(self.store, term, _selection(report, region, year, level)),
                       "the glossary of the selected reports is empty")

    def answer_trend(self, indicator: str | None = None, *, code: str | None = None, unit: str | None = None,
                     report=None, region=None, year=None, level=None) -> Answer:
        from reportcli.query.trend import trend

        if not indicator and not code:
            raise UsageError("give the indicator to follow (words of its name, or a code such as gdp_growth)")
        return _answer(trend(self.store, indicator or code or "", _selection(report, region, year, level), unit,
                             code=code), f"no report states an achieved figure for {indicator or code!r}")

    def answer_count(self, *terms: str, by: str = "report", expand: bool = False, sort: str = "report",
                     report=None, region=None, year=None, level=None) -> Answer:
        from reportcli.query.count import by_year, count_terms, sorted_counts

        if by not in ("report", "section", "year"):
            raise UsageError("by must be 'report', 'section' or 'year'")
        expansions = None
        if expand:
            from reportcli.query.concepts import expansions_for

            expansions = {term: expansions_for(self.store, term) for term in terms}
        rows = count_terms(self.store, list(terms), _selection(report, region, year, level),
                           by_section=by == "section", expansions=expansions)
        if by == "year":
            rows = by_year(self.store, rows)
        return _answer(sorted_counts(self.store, rows, sort), "none of the terms occurs")

    def answer_codes(self) -> Answer:
        from reportcli.query.codes import indicator_codes

        return _answer(list(indicator_codes()), "")

    def answer_compare(self, a: str, b: str) -> Answer:
        from reportcli.query.compare import compare

        return _answer(compare(self.store, a, b), f"no differences between {a} and {b}")

    def answer_outline(self, *, report=None, region=None, year=None, level=None, stream: bool = False) -> Answer:
        """`stream`: the entries as an iterator (see Answer), with their number (`total`)."""
        from reportcli.query.outline import iter_outline, outline, outline_size

        selection = _selection(report, region, year, level)
        empty = "no sections were recognised in the selected reports"
        if stream:
            found = iter_outline(self.store, selection)
            return _answer(found, empty, total=outline_size(self.store, selection))
        return _answer(outline(self.store, selection), empty)

    def answer_show(self, paragraph: str | int, *, context: int = 1, report=None, region=None, year=None,
                    level=None) -> Answer:
        from reportcli.query.outline import show

        return _answer(show(self.store, str(paragraph), _selection(report, region, year, level), context),
                       f"no paragraph {paragraph}")

    def answer_cite(self, paragraph: str | int, *, report=None, region=None, year=None, level=None) -> Answer:
        from reportcli.query.cite import cite

        return _answer([cite(self.store, str(paragraph), _selection(report, region, year, level))], "")

    # ------------------------------------------------------------ the library's surface

    def reports(self, *, report=None, region=None, year=None, level=None, limit: int = 0) -> Rows:
        """The indexed reports with their metadata (`reportcli reports --json`)."""
        return self._rows(lambda: self.answer_reports(report=report, region=region, year=year, level=level), limit)

    def search(self, query: str | list[str], *, section: str | None = None, exact: bool = False, limit: int = 20,
               sort: str = "relevance", report=None, region=None, year=None, level=None) -> Rows:
        """Paragraphs ranked by relevance; several words must all match (`reportcli search`)."""
        return self._rows(lambda: self.answer_search(query, section=section, exact=exact, limit=limit, sort=sort,
                                                     report=report, region=region, year=year, level=level), limit)

    def metrics(self, query: str | None = None, *, unit: str | None = None, kind: str | None = None,
                code: str | None = None, section: str | None = None, target: bool | None = None,
                minimum: float | None = None, maximum: float | None = None, sort: str = "position",
                limit: int = 0, report=None, region=None, year=None, level=None) -> Rows:
        """Every figure, normalised, with the indicator it measures (`reportcli metrics`)."""
        return self._rows(lambda: self.answer_metrics(
            query, unit=unit, kind=kind, code=code, section=section, target=target, minimum=minimum,
            maximum=maximum, sort=sort, report=report, region=region, year=year, level=level, stream=bool(limit),
            limit=limit), limit)

    def goals(self, query: str | None = None, *, main: bool = False, code: str | None = None, check: bool = False,
              sort: str = "position", limit: int = 0, report=None, region=None, year=None, level=None) -> Rows:
        """Targets, headline first; `check=True` adds each one's outcome and status (`reportcli goals`)."""
        return self._rows(lambda: self.answer_goals(query, main=main, code=code, check=check, sort=sort,
                                                    report=report, region=region, year=year, level=level,
                                                    stream=bool(limit), limit=limit), limit)

    def define(self, term: str | None = None, *, limit: int = 0, report=None, region=None, year=None,
               level=None) -> Rows:
        """A glossary or lexicon definition and where the term is used; no term: every term."""
        from reportcli.query.define import NotDefined

        try:
            answer = self.answer_define(term, report=report, region=region, year=year, level=level)
        except NotDefined as exc:  # used but not defined: its mentions, as the CLI prints them
            return self._plain(exc.rows, 0)
        except NoResults:
            return []
        return self._plain(answer.rows, limit)

    def trend(self, indicator: str | None = None, *, code: str | None = None, unit: str | None = None,
              limit: int = 0, report=None, region=None, year=None, level=None) -> Rows:
        """An indicator's achieved figure across the years of the corpus (`reportcli trend`); the
        indicator is words of its name or a code (gdp_growth, cpi), or give `code=`."""
        return self._rows(lambda: self.answer_trend(indicator, code=code, unit=unit, report=report, region=region,
                                                    year=year, level=level), limit)

    def codes(self) -> Rows:
        """The curated indicator codes (`reportcli codes`)."""
        return self._plain(self.answer_codes().rows, 0)

    def count(self, *terms: str, by: str = "report", expand: bool = False, sort: str = "report", limit: int = 0,
              report=None, region=None, year=None, level=None) -> Rows:
        """How often each term occurs per report, per section (by="section") or per year (by="year")."""
        return self._rows(lambda: self.answer_count(*terms, by=by, expand=expand, sort=sort, report=report,
                                                    region=region, year=year, level=level), limit)

    def compare(self, a: str, b: str, *, limit: int = 0) -> Rows:
        """What changed between two reports: headline targets, indicators, glossary terms."""
        return self._rows(lambda: self.answer_compare(a, b), limit)

    def outline(self, *, limit: int = 0, report=None, region=None, year=None, level=None) -> Rows:
        """The section tree of the selected reports."""
        return self._rows(lambda: self.answer_outline(report=report, region=region, year=year, level=level), limit)

    def show(self, paragraph: str | int, *, context: int = 1, report=None, region=None, year=None,
             level=None) -> Rows:
        """One paragraph (`12`, or `REPORT:12`) with its neighbours."""
        return self._rows(lambda: self.answer_show(paragraph, context=context, report=report, region=region,
                                                   year=year, level=level), 0)

    def cite(self, paragraph: str | int, *, report=None, region=None, year=None, level=None) -> Rows:
        """One paragraph as a ready quotation with title, section and source."""
        return self._rows(lambda: self.answer_cite(paragraph, report=report, region=region, year=year,
                                                   level=level), 0)

    def add(self, paths: Iterable[str | Path], *, wait: float = 60.0, text_field: str | None = None,
            strict: bool = False, jobs: int | None = None) -> dict:
        """Add reports (files, folders, datasets) to this index in one transaction, as `reportcli add`."""
        from reportcli.builder import add_paths
        from reportcli.resources import BUNDLED_INDEX

        self.close()  # the writer's own connection; this one is reopened on the next query
        return add_paths([Path(p) for p in paths], self.path, is_bundled=self.path.resolve() == BUNDLED_INDEX.resolve(),
                         wait=wait, text_field=text_field, strict=strict, jobs=jobs)

    # ------------------------------------------------------------ helpers

    def _rows(self, ask, limit: int) -> Rows:
        try:
            answer = ask()
        except NoResults:
            return []
        if answer.notes:
            import warnings

            from reportcli.errors import ReportcliWarning

            for note in answer.notes:  # the caller of Index.search and co.: three frames up
                warnings.warn(note, ReportcliWarning, stacklevel=3)
        return self._plain(answer.rows, limit)

    @staticmethod
    def _plain(rows: list | Iterator, limit: int) -> Rows:
        from itertools import islice

        from reportcli.query.common import check_limit
        from reportcli.render import as_dict

        check_limit(limit)
        return [as_dict(row) for row in (islice(rows, limit) if limit else rows)]


def open(path: str | Path | None = None) -> Index:  # noqa: A001 - reportcli.open, like sqlite3.connect
    """Open an index: `path`, else the CLI's choice ($REPORTCLI_INDEX, config.toml, the bundled one)."""
    return Index(path)


def build(paths: Iterable[str | Path], output: str | Path, force: bool = False, *, text_field: str | None = None,
          strict: bool = False, update: bool = False, jobs: int | None = None) -> dict:
    """Build an index from report files, folders and datasets, atomically, as `reportcli build`;
    returns the summary (counts of reports, paragraphs, figures, targets, terms, skipped rows).
    `jobs`: processes that parse (default: one a usable core)."""
    from reportcli.builder import build_from_paths

    return build_from_paths([Path(p) for p in paths], Path(output), force=force, text_field=text_field,
                            strict=strict, update=update, jobs=jobs)
