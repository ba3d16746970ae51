"""The Typer app: global options, one thin function per command, one place mapping errors to exit codes.

A command declares only its own options; `command(...)` adds the shared ones — the report filter
(--report/--region/--year/--level → `selection`), the output options (--json/--format/--bom →
`out`, a render.Output) and the global options, which work after the command too — when Typer
reads the command's signature, which happens only for the command being run. A command body
calls one query with the read store and hands the result to `out`. Heavy modules (sqlite3, rich,
the parser) are imported inside the commands that need them, so start-up costs little more than
Typer itself.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from collections.abc import Callable, Iterator, MutableMapping
from typing import Annotated, Literal, Optional

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.core import TyperGroup

from reportcli import __version__
from reportcli.errors import EXIT_OK, EXIT_USAGE, Interrupted, NoResults, ReportcliError, UsageError

_APP_SETTINGS = dict(
    name="reportcli",
    help="Query Chinese government work reports (政府工作报告): search, figures, targets, glossary.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _CommandTable(MutableMapping):
    """The app's commands by name, each turned into a click command the first time Click asks
    for it. Typer would otherwise build every command's parameters on each run; Click resolves
    the command name and fetches just that one (help and completion of names fetch them all)."""

    def __init__(self) -> None:
        self.functions: dict[str, Callable] = {}
        self._built: dict[str, object] = {}

    def __getitem__(self, name: str):
        if name not in self._built:
            from typer.main import get_command_from_info

            info = typer.models.CommandInfo(name=name, callback=self.functions[name])
            self._built[name] = get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                                      rich_markup_mode=app.rich_markup_mode)
        return self._built[name]

    def __setitem__(self, name: str, command) -> None:
        self._built[name] = command
        self.functions.setdefault(name, command.callback)

    def __delitem__(self, name: str) -> None:
        del self.functions[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.functions)

    def __len__(self) -> int:
        return len(self.functions)


COMMANDS = _CommandTable()


class _Group(TyperGroup):
    def __init__(self, **attrs) -> None:
        super().__init__(**attrs)
        self.commands = COMMANDS


app = typer.Typer(cls=_Group, **_APP_SETTINGS)

FORMATS = ("table", "json", "jsonl", "csv")
COLORS = ("auto", "always", "never")
LEVELS = ("national", "province", "city", "county")


class Settings:
    """The global options, kept on the click context for every command."""

    def __init__(self, index: Optional[str] = None, debug: bool = False, color: str = "auto") -> None:
        self.index, self.debug, self.color = index, debug, color
        self._library = None

    def apply(self, index: Optional[str], color: Optional[str], no_color: bool, debug: bool) -> None:
        if index is not None:
            self.index = index
        if color is not None:
            self.color = color
        if no_color:
            self.color = "never"
        self.debug = self.debug or debug

    def library(self):  # -> reportcli.api.Index: the library every query command calls
        if self._library is None:
            from reportcli.api import Index

            self._library = Index(self.index)
        return self._library

    def store(self):  # -> reportcli.index.store.Store
        return self.library().store


def _completer(name: str):
    """A completion callback that imports reportcli.completion only when the shell asks."""
    def complete(ctx: typer.Context, incomplete: str) -> list:
        from reportcli import completion

        return getattr(completion, name)(ctx, incomplete)

    return complete


_complete_report_ids = _completer("report_ids")
_complete_sections = _completer("section_numbers")
_complete_paragraphs = _completer("paragraph_ids")
_complete_units = _completer("units")
_complete_terms = _completer("glossary_terms")
_complete_codes = _completer("codes")

LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most N rows; 0 = all.")]
SectionOption = Annotated[Optional[str], typer.Option(
    "--section", "-s", help="Only this section: a number from `outline` (3.1) or words from its heading.",
    autocompletion=_complete_sections, show_default=False)]
ChartOption = Annotated[bool, typer.Option(
    "--chart", help="A horizontal bar chart instead of the table: a bar per report, labelled by its year.")]
CodeOption = Annotated[Optional[str], typer.Option(
    "--code", help="Only this indicator of the curated table: gdp_growth, cpi, urban_jobs_new …",
    autocompletion=_complete_codes, show_default=False)]

TextFieldOption = Annotated[Optional[str], typer.Option(
    "--text-field", metavar="NAME", help="In datasets, the column holding the report's text (default: the first of "
    "content, text, full_text, body, 正文).", show_default=False)]
JobsOption = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", metavar="N", help="Processes that parse reports (default: one for each core this process may "
    "use; 1 parses in this process). The index is the same whatever N.", show_default=False)]
StrictOption = Annotated[bool, typer.Option(
    "--strict", help="A dataset row that cannot be indexed (bad JSON, no text, a year not a year) is an error and "
    "nothing is written, instead of a warning.")]


def OptionalWords(help_text: str):  # noqa: N802 - used as a type in signatures, named like one
    """An optional QUERY argument: words that select the rows."""
    return Annotated[Optional[str], typer.Argument(help=help_text, show_default=False)]


ParagraphArgument = Annotated[str, typer.Argument(help="Paragraph id (12) or REPORT:ID (hailar-2021:12).",
                                                  autocompletion=_complete_paragraphs, show_default=False)]

# The shared options, by group: name → (annotation, default). `command` adds them to a
# command's signature and folds them into `selection`, `out` and the settings.
_FILTER_OPTIONS = {
    "report": (Annotated[Optional[list[str]], typer.Option(
        "--report", "-r", help="Only this report id (repeatable). Example: --report hailar-2021",
        autocompletion=_complete_report_ids, show_default=False)], None),
    "region": (Annotated[Optional[str], typer.Option(
        "--region", help="Only reports of this region: a name (浙江省), a short name (浙江, 海拉尔) or a code (330000).",
        show_default=False)], None),
    "year": (Annotated[Optional[list[str]], typer.Option(
        "--year", metavar="YEAR", help="Only reports delivered in these years (repeatable): 2024, 2021-2025, 2021- "
        "or -2020.", show_default=False)], None),
    "level": (Annotated[Optional[Literal[LEVELS]], typer.Option("--level", help="Only reports of this level.",
                                                                show_default=False)], None),
}
_OUTPUT_OPTIONS = {
    "as_json": (Annotated[bool, typer.Option("--json", help="Same as --format json.")], False),
    "fmt": (Annotated[Optional[Literal[FORMATS]], typer.Option(
        "--format", "-f", help="Output format; default: a table on a terminal, plain text in a pipe.",
        show_default=False)], None),
    "bom": (Annotated[bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark, for Excel.")], False),
}
_GLOBAL_OPTIONS = {
    "index": (Annotated[Optional[str], typer.Option(
        "--index", metavar="FILE", show_default=False,
        help="Index to read (else $REPORTCLI_INDEX, then `index` in config.toml, then the bundled index).")], None),
    "color": (Annotated[Optional[Literal[COLORS]], typer.Option(
        "--color", help="Colour: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always, never.",
        show_default=False)], None),
    "no_color": (Annotated[bool, typer.Option("--no-color", help="Same as --color never.")], False),
    "debug": (Annotated[bool, typer.Option("--debug", help="Show a traceback on errors (the exit code stays the same).")],
              False),
}


class _Command:
    """A command function as Typer sees it: its own parameters plus the shared ones, built when
    Typer first reads its signature (only for the command being run, so start-up stays cheap)."""

    ran: Optional["_Command"] = None  # the command this process ran (`run` ends the process by it)

    def __init__(self, function, filters: bool, output: bool, writes: bool) -> None:
        self.writes = writes
        self.__wrapped__ = function
        self.__name__, self.__qualname__ = function.__name__, function.__qualname__
        self.__module__, self.__doc__ = function.__module__, function.__doc__
        self.groups = [group for group, wanted in ((_FILTER_OPTIONS, filters), (_OUTPUT_OPTIONS, output),
                                                   (_GLOBAL_OPTIONS, True)) if wanted]
        self._signature = None

    @property
    def __signature__(self) -> inspect.Signature:
        if self._signature is None:
            own = [parameter for name, parameter in inspect.signature(self.__wrapped__, eval_str=True).parameters.items()
                   if name not in ("selection", "out")]
            shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
                      for group in self.groups for name, (annotation, default) in group.items()]
            self._signature = inspect.Signature([*own, *shared])
        return self._signature

    @property
    def __annotations__(self) -> dict:
        return {name: parameter.annotation for name, parameter in self.__signature__.parameters.items()}

    def __call__(self, *args, **kwargs):
        _Command.ran = self
        ctx = kwargs["ctx"]
        _settings(ctx).apply(*(kwargs.pop(name) for name in _GLOBAL_OPTIONS))
        if _FILTER_OPTIONS in self.groups:
            from reportcli.query.common import ReportFilter

            report, region, year, level = (kwargs.pop(name) for name in _FILTER_OPTIONS)
            kwargs["selection"] = ReportFilter(ids=tuple(report or ()), region=region,
                                               year=tuple(year) if year else None, level=level)
        if _OUTPUT_OPTIONS in self.groups:
            from reportcli.render import Output

            as_json, fmt, bom = (kwargs.pop(name) for name in _OUTPUT_OPTIONS)
            kwargs["out"] = Output(requested_format=fmt, as_json=as_json, color=_settings(ctx).color, bom=bom)
        return self.__wrapped__(*args, **kwargs)


def command(filters: bool = False, output: bool = True, writes: bool = False):
    """Register a command; `filters` adds the report filter, `output` the output options;
    `writes` marks one that writes files (it ends with the interpreter's full shutdown)."""
    def register(function):
        COMMANDS.functions[function.__name__.rstrip("_")] = _Command(function, filters, output, writes)
        return function
    return register


IndexOption, ColorOption, NoColorOption, DebugOption = (_GLOBAL_OPTIONS[name][0] for name in _GLOBAL_OPTIONS)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"reportcli {__version__}\n")
        raise typer.Exit()


def _evaluated_once(function):
    """Evaluate a function's string annotations (this module defers them) once: Typer reads the
    group callback's signature and type hints four times a run, each a dozen eval() calls."""
    signature = inspect.signature(function, eval_str=True)
    function.__signature__ = signature
    function.__annotations__ = {name: parameter.annotation for name, parameter in signature.parameters.items()}
    return function


@app.callback()
@_evaluated_once
def global_options(
    ctx: typer.Context,
    index: IndexOption = None,
    color: ColorOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Query Chinese government work reports (政府工作报告) from a prebuilt index.

    Global options work before or after the command. Example: reportcli search 垃圾分类
    """
    ctx.obj = Settings()
    ctx.obj.apply(index, color, no_color, debug)


def _settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if root.obj is None:
        root.obj = Settings()
    return root.obj


def _ask(ctx: typer.Context, out, query):
    """Ask the library (reportcli.api.Index) a question; when it finds nothing (a filter that
    selects no report included), JSON output still gets its `[]`."""
    try:
        return query(_settings(ctx).library())
    except NoResults:
        out.empty()
        raise


def _streams(out, limit: int = 0) -> bool:
    """Whether an answer is made as it is written: JSON and JSON Lines are written a row at a
    time, CSV holds its first rows and spills the rest to a temporary file while it learns its
    columns (render.write_structured); a table lays out all its rows, so it streams only when
    --limit cuts them (the rest are counted, not made)."""
    return out.structured or limit > 0


def _filters(selection) -> dict:
    """The report filter as the library's keyword arguments."""
    return {"report": selection.ids, "region": selection.region, "year": selection.year, "level": selection.level}


def _emit(out, rows: list, view: str, *, single_report: bool = False, headers: Optional[dict] = None) -> None:
    """Rows to stdout: JSON, JSON Lines or CSV (render), else a table or plain text with the
    view's columns (views, Rich); the report column is hidden only in a terminal table when the
    index holds a single report."""
    from reportcli.render import as_dict, write_structured

    if out.structured:  # a row made plain as it is written, not all of them first
        write_structured(rows, out.format, out.stdout, bom=out.bom)
        return
    from reportcli.views import draw_rows

    draw_rows([as_dict(row) for row in rows], view, out, single_report=single_report, headers=headers)


def _chart(out, groups: list) -> None:
    """--chart: the bars instead of the table (a usage error beside --json or --format)."""
    from reportcli import views

    if out.chosen:
        raise UsageError("--chart draws a chart for people; it cannot be combined with --json or --format")
    if not groups:
        raise NoResults("nothing to chart")
    views.emit_chart(groups, out)


def _check_limit(limit: int) -> int:
    from reportcli.query.common import check_limit

    return check_limit(limit)


def _show_answer(ctx: typer.Context, out, answer, view: str, *, limit: int = 0, headers: Optional[dict] = None) -> None:
    for note in answer.notes:
        out.note(note)
    _show(ctx, out, answer.rows, view, empty=answer.empty, limit=limit, total=answer.total,
          at_least=answer.at_least, headers=headers, count=answer.count)


def _show(ctx: typer.Context, out, rows: list, view: str, *, empty: str, limit: int = 0,
          total: Optional[int] = None, at_least: bool = False, headers: Optional[dict] = None, count=None) -> None:
    """Write rows (cut to --limit, saying so on stderr); no rows: exit 1 with `empty` on stderr."""
    from reportcli.query.common import check_limit

    check_limit(limit)
    if not isinstance(rows, list):  # a streamed answer: written as it is made, counted past --limit
        return _show_stream(ctx, out, iter(rows), view, empty=empty, limit=limit, headers=headers, count=count)
    if not rows:
        out.empty()
        raise NoResults(empty)
    total = len(rows) if total is None else total
    shown = rows[:limit] if limit else rows
    _emit(out, shown, view, single_report=_settings(ctx).store().report_count() == 1, headers=headers)
    if total > len(shown):
        out.note(f"showing {len(shown)} of {'at least ' if at_least else ''}{total}; --limit 0 shows all")


def _show_stream(ctx: typer.Context, out, rows, view: str, *, empty: str, limit: int,
                 headers: Optional[dict], count=None) -> None:
    """_show for rows made one by one (_limited_stream)."""
    single_report = _settings(ctx).store().report_count() == 1
    _limited_stream(out, rows, lambda shown: _emit(out, shown, view, single_report=single_report, headers=headers),
                    empty=empty, limit=limit, count=count)


def _limited_stream(out, rows, emit, *, empty: str, limit: int, count=None, noun: str = "") -> None:
    """emit(rows cut to --limit), made one by one: the first is made before anything is written
    (no rows: exit 1, as _show), the rest as they are written; past --limit they are only
    counted (by `count()` when the answer can count them without making them), for the note."""
    from itertools import chain, islice

    first = next(rows, None)
    if first is None:
        out.empty()
        raise NoResults(empty)
    shown = 0

    def counted():
        nonlocal shown
        for row in chain((first,), rows if not limit else islice(rows, limit - 1)):
            shown += 1
            yield row

    emit(counted())
    if not limit or shown < limit:  # every row was written
        total = shown
    else:
        total = count() if count is not None else shown + sum(1 for _ in rows)
    if total > shown:
        out.note(f"showing {shown} of {total}{noun}; --limit 0 shows all")


@command(filters=True)
def reports(ctx: typer.Context, selection, out,
            limit: Annotated[int, typer.Option("--limit", "-n", help="At most N reports; 0 = all.")] = 0) -> None:
    """List the indexed reports with their metadata, source and SHA-256.

    Example: reportcli reports --json
    """
    _show_answer(ctx, out, _ask(ctx, out, lambda ix: ix.answer_reports(**_filters(selection))), "reports",
                 limit=limit)


@command()
def info(ctx: typer.Context, out) -> None:
    """Show which index is in use and why (--index, $REPORTCLI_INDEX, config.toml, bundled), its
    path, schema version, size, modification date and the reports it holds.

    Example: reportcli info --json
    """
    from reportcli.query.info import index_info

    settings = _settings(ctx)
    summary = index_info(settings.index, settings.store)
    _emit(out, [summary] if out.structured else summary.lines(), "info")


@command(filters=True)
def outline(ctx: typer.Context, selection, out, limit: LimitOption = 0) -> None:
    """Show the section tree (一、 → (一) → 一是) and the glossary, with paragraph ids.

    Example: reportcli outline --report hailar-2021
    """
    from reportcli import views
    from reportcli.query.common import check_limit

    check_limit(limit)
    # Written as the entries are made (a report's sections at a time), past --limit only counted.
    answer = _ask(ctx, out, lambda ix: ix.answer_outline(**_filters(selection), stream=True))
    _limited_stream(out, iter(answer.rows), lambda shown: views.emit_outline(shown, out), empty=answer.empty,
                    limit=limit, count=lambda: answer.total, noun=" sections")


@command(filters=True)
def show(
    ctx: typer.Context,
    paragraph: ParagraphArgument,
    selection, out,
    context: Annotated[int, typer.Option("--context", "-C", help="Neighbouring paragraphs on each side.")] = 1,
) -> None:
    """Show one paragraph with its section path and its neighbours.

    Example: reportcli show 12 --context 2
    """
    _show_answer(ctx, out, _ask(ctx, out, lambda ix: ix.answer_show(paragraph, context=context, **_filters(selection))),
                 "show")


@command(filters=True)
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="Words to find; every word must match.", show_default=False)],
    selection, out,
    section: SectionOption = None,
    exact: Annotated[bool, typer.Option(
        "--exact", help="Only paragraphs with the words as typed (after folding width, script and case): "
                        "no pinyin, shorthand, split words or typos.")] = False,
    sort: Annotated[Literal["relevance", "year", "report"], typer.Option(
        "--sort", help="Order: relevance, the report's year (oldest first), or index order of reports.")] = "relevance",
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N paragraphs; 0 = all.")] = 20,
) -> None:
    """Find paragraphs by words, ranked by relevance, with the matches highlighted.

    Each hit says how it matched (JSON `match`): exact (the phrase as typed), words (every word,
    apart), concept (a shorthand's expansion or the reverse: 新基建 ↔ 新型基础设施建设), fuzzy
    (pinyin, split words, typos). When nothing matches as typed, a note on stderr says the
    answers are approximate and what was searched instead. On a large index at most the first
    2,000 paragraphs that may match are ranked (in index order; --limit 0 ranks all), and a
    note on stderr says how many were left unranked.

    Example: reportcli search 垃圾分类
    """
    answer = _ask(ctx, out, lambda ix: ix.answer_search(query, section=section, exact=exact, limit=limit, sort=sort,
                                                         **_filters(selection)))
    _show_answer(ctx, out, answer, "search", limit=limit)


@command(filters=True)
def metrics(
    ctx: typer.Context,
    query: OptionalWords("Words of the indicator or its context (地区生产总值, 就业, gdp in pinyin…).") = None,
    selection=None, out=None,
    unit: Annotated[Optional[str], typer.Option(
        "--unit", "-u", help="Only this unit, as you would write it: 亿元, 万人, %, 亩.", autocompletion=_complete_units,
        show_default=False)] = None,
    kind: Annotated[Optional[Literal["level", "change", "share", "rank", "ratio", "other"]], typer.Option(
        "--kind", "-k", help="Only this kind of figure.", show_default=False)] = None,
    code: CodeOption = None,
    section: SectionOption = None,
    target: Annotated[Optional[bool], typer.Option(
        "--target/--achieved", help="Only targets set for the future, or only figures achieved.",
        show_default=False)] = None,
    minimum: Annotated[Optional[float], typer.Option("--min", help="Smallest value, in base units (元, not 亿元).",
                                                     show_default=False)] = None,
    maximum: Annotated[Optional[float], typer.Option("--max", help="Largest value, in base units.",
                                                     show_default=False)] = None,
    sort: Annotated[Literal["position", "value"], typer.Option(
        "--sort", help="Order: position in the text, or value (largest first).")] = "position",
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N figures; 0 = all.")] = 0,
) -> None:
    """List every figure: value normalised to base units, unit, indicator, kind, target or achieved.

    Example: reportcli metrics 地区生产总值 --json; reportcli metrics --unit 亿元 --format csv --bom > figures.csv
    """
    answer = _ask(ctx, out, lambda ix: ix.answer_metrics(
        query, unit=unit, kind=kind, code=code, section=section, target=target, minimum=minimum, maximum=maximum,
        sort=sort, stream=_streams(out, limit), limit=limit, **_filters(selection)))
    _show_answer(ctx, out, answer, "metrics", limit=limit)


_CHECK_HELP = ("Beside each quantified target, the outcome stated by the next year's report of the same region, "
               "and whether the target was met: >= met at or above the target, <= at or below; about (左右) "
               "within 0.2 percentage points (2% for amounts) on the wrong side, which is below for growth, "
               "jobs and output and above for prices, unemployment and deficits; range from its lower bound "
               "(upper, for prices…); a bare figure reached (not exceeded, for prices…). No next report, or no "
               "outcome in it: unknown. Outcomes are the year's own figure: never a multi-year average, a "
               "restated target or another indicator.")


@command(filters=True)
def goals(
    ctx: typer.Context,
    query: OptionalWords("Words of the target's indicator or text (地区生产总值, 就业…).") = None,
    selection=None, out=None,
    main: Annotated[bool, typer.Option("--main", help="Only the headline expected targets (主要预期目标).")] = False,
    code: CodeOption = None,
    check: Annotated[bool, typer.Option("--check", help=_CHECK_HELP)] = False,
    chart: Annotated[bool, typer.Option("--chart", help="With --check: a bar per report for the outcome, the target "
                                                        "marked on it, and the status.")] = False,
    sort: Annotated[Literal["position", "year", "value"], typer.Option(
        "--sort", help="Order: headline first then text order, the report's year, or value (largest first).")
    ] = "position",
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N targets; 0 = all.")] = 0,
) -> None:
    """List the targets a report sets: headline expected targets first, then every other commitment.

    Example: reportcli goals --main; reportcli --index corpus.sqlite goals --check --format csv --limit 0
    """
    if chart and not check:
        raise UsageError("--chart draws goals --check (the outcome beside each target): add --check")
    answer = _ask(ctx, out, lambda ix: ix.answer_goals(query, main=main, code=code, check=check, sort=sort,
                                                        stream=_streams(out, limit) and not chart, limit=limit,
                                                        **_filters(selection)))
    if chart:
        from reportcli import views

        return _chart(out, views.check_chart(answer.rows[:limit] if limit else answer.rows))
    _show_answer(ctx, out, answer, "goals-check" if check else "goals", limit=limit)


@command(filters=True)
def count(
    ctx: typer.Context,
    terms: Annotated[list[str], typer.Argument(help="Terms to count: 就业 高质量发展 …", show_default=False)],
    selection, out,
    by: Annotated[Literal["report", "section", "year"], typer.Option(
        "--by", help="One row per report, per section that uses the term, or per year (the reports of a year "
                     "summed: a years × terms table).")] = "report",
    expand: Annotated[bool, typer.Option(
        "--expand", help="Count a shorthand's long forms with it (新基建 with 新型基础设施建设) and the reverse; "
                         "off by default, so the counts stay the literal ones journalists publish.")] = False,
    chart: ChartOption = False,
    sort: Annotated[Literal["report", "count", "year"], typer.Option(
        "--sort", help="Order: index order of reports, the largest count first, or year.")] = "report",
    limit: LimitOption = 0,
) -> None:
    """Count how often each term occurs in each report (or section): the yearly keyword counts.

    Example: reportcli count 就业 改革 创新; reportcli count 营商环境 --by section
    """
    if chart and by != "report":
        raise UsageError(f"--chart draws counts per report: drop --by {by}")
    answer = _ask(ctx, out, lambda ix: ix.answer_count(*terms, by=by, expand=expand, sort=sort, **_filters(selection)))
    if chart:
        from reportcli import views

        years = {report.id: report.year for report in _settings(ctx).store().reports()}
        return _chart(out, views.count_chart(answer.rows[:limit] if limit else answer.rows, years))
    if by == "year" and not out.structured:
        from reportcli import views

        _check_limit(limit)
        return views.emit_year_counts(answer.rows, out)
    _show_answer(ctx, out, answer, {"section": "count-section", "year": "count-year"}.get(by, "count"), limit=limit)


@command(filters=True)
def cite(ctx: typer.Context, paragraph: ParagraphArgument, selection, out) -> None:
    """Print a paragraph as a ready quotation with the report's title, section path and source.

    Example: reportcli cite 7
    """
    [citation] = _ask(ctx, out, lambda ix: ix.answer_cite(paragraph, **_filters(selection))).rows
    if out.structured:
        _emit(out, [citation], "cite")
    else:
        out.stdout.write(citation.citation + "\n")  # a quotation is one line of text, meant to be pasted


@command(filters=True)
def trend(
    ctx: typer.Context,
    indicator: Annotated[Optional[str], typer.Argument(
        help="The indicator to follow: words of its name (地区生产总值, 城镇新增就业) or a code (gdp_growth, cpi).",
        autocompletion=_complete_codes, show_default=False)] = None,
    selection=None, out=None,
    code: CodeOption = None,
    unit: Annotated[Optional[str], typer.Option(
        "--unit", "-u", help="Only figures in this unit (亿元, %); default: the unit most reports use.",
        autocompletion=_complete_units, show_default=False)] = None,
    chart: ChartOption = False,
    limit: LimitOption = 0,
) -> None:
    """Follow an indicator's achieved figure across the reports of a corpus, year by year, with a chart.

    Each report gives the outcome of the year before it (`period`): the year's own figure, never a
    multi-year average or a restated target.

    Example: reportcli --index corpus.sqlite trend gdp_growth --region 青山
    """
    from reportcli import views
    from reportcli.query.common import check_limit
    answer = _ask(ctx, out, lambda ix: ix.answer_trend(indicator, code=code, unit=unit, **_filters(selection)))
    points = answer.rows
    if chart:
        return _chart(out, views.trend_chart(points[:check_limit(limit)] if limit else points))
    if out.format == "table" and points:
        shown = points[:check_limit(limit)] if limit else points
        views.emit_trend(shown, out)
        if len(shown) < len(points):
            out.note(f"showing {len(shown)} of {len(points)}; --limit 0 shows all")
        return
    _show_answer(ctx, out, answer, "trend", limit=limit)


@command()
def codes(ctx: typer.Context, out) -> None:
    """List the curated indicator codes that metrics, goals and trend take (--code gdp_growth), with
    their English and Chinese names and which way is better.

    Example: reportcli codes; reportcli codes --json
    """
    _emit(out, _settings(ctx).library().answer_codes().rows, "codes")


@command()
def compare(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(metavar="A", help="A report id (the earlier one).",
                                         autocompletion=_complete_report_ids, show_default=False)],
    second: Annotated[str, typer.Argument(metavar="B", help="Another report id.",
                                          autocompletion=_complete_report_ids, show_default=False)],
    out, limit: LimitOption = 0,
) -> None:
    """Show what changed between two reports: headline targets, indicators reported, glossary terms.

    Example: reportcli --index corpus.sqlite compare 2021 2022
    """
    _show_answer(ctx, out, _ask(ctx, out, lambda ix: ix.answer_compare(first, second)), "compare", limit=limit,
                 headers={"a": first, "b": second})


@command(filters=True)
def define(
    ctx: typer.Context,
    term: Annotated[Optional[str], typer.Argument(
        help="Term to explain: 放管服, 六保, fangguanfu, 河湖四乱…; none lists every term.",
        autocompletion=_complete_terms, show_default=False)] = None,
    selection=None, out=None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N terms; 0 = all.")] = 0,
) -> None:
    """Explain a term from the report's glossary (名词解释), or from the shorthand lexicon when no
    glossary defines it, and show where the report uses it.

    Example: reportcli define 六保
    """
    from reportcli.query.define import NotDefined

    view = "define-list" if term is None else "define"
    library = _settings(ctx).library()
    try:
        answer = library.answer_define(term, **_filters(selection))
    except NotDefined as exc:  # used but not defined: the mentions, in the same shape, and exit 1
        _emit(out, exc.rows, view, single_report=library.store.report_count() == 1)
        raise
    except NoResults:
        out.empty()
        raise
    _show_answer(ctx, out, answer, view, limit=limit)


@command(output=False, writes=True)
def build(
    ctx: typer.Context,
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Report files and folders (.txt .md .html .htm .pdf .docx). None: rebuild the bundled index from seeds/.",
        show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", help="Index file to write (atomically). An existing file is replaced only "
        "if it is a reportcli index; never an input, a device or a write-protected file.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE even if it is not a reportcli index.")] = False,
    update: Annotated[bool, typer.Option("--update", help="If FILE is an index already, add new reports and replace "
                                         "changed ones in it, skipping unchanged ones (like add).")] = False,
    text_field: TextFieldOption = None,
    strict: StrictOption = False,
    jobs: JobsOption = None,
) -> None:
    """Build an index from report files and datasets (.jsonl .json .csv .tsv: a report a row); with
    no paths, rebuild the bundled index from seeds/.

    Example: reportcli build reports/ corpus.jsonl -o my.sqlite
    """
    from reportcli.builder import build_from_paths

    build_from_paths(paths or [], output, force=force, text_field=text_field, strict=strict, update=update, jobs=jobs)


@command(output=False, writes=True)
def add(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files, folders and datasets to add; a report with "
                                                     "the same id is replaced if it changed.", show_default=False)],
    wait: Annotated[float, typer.Option(
        "--wait", metavar="SECONDS", help="How long to wait while another reportcli writes the index.")] = 60.0,
    text_field: TextFieldOption = None,
    strict: StrictOption = False,
    jobs: JobsOption = None,
) -> None:
    """Add reports to your index (named by --index or $REPORTCLI_INDEX) in one transaction: new ones
    added, changed ones (same id) replaced, unchanged ones skipped.

    Example: reportcli --index corpus.sqlite add reports/2024.txt
    """
    from reportcli.builder import add_paths
    from reportcli.config import resolve_index
    from reportcli.resources import BUNDLED_INDEX

    index = resolve_index(_settings(ctx).index)
    add_paths(paths, index, is_bundled=index.resolve() == BUNDLED_INDEX.resolve(), wait=wait, text_field=text_field,
              strict=strict, jobs=jobs)


@command()
def inspect_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files, folders and datasets to look at.",
                                                show_default=False)],
    out,
    text_field: TextFieldOption = None,
) -> None:
    """Show how files will be read, without building: format, metadata and its sources, outline, counts,
    repairs, warnings.

    Example: reportcli inspect report.pdf
    """
    from reportcli import views
    from reportcli.errors import InputError
    from reportcli.inspection import inspect_paths

    rows = inspect_paths(paths, text_field=text_field)
    if not rows:
        out.empty()
        raise NoResults("no report files found")
    views.emit_inspection(rows, out)
    failed = [row for row in rows if row.error]
    if failed:
        raise InputError(failed[0].error if len(failed) == 1 else f"{len(failed)} of {len(rows)} files cannot be read")


def main(argv: Optional[list[str]] = None) -> int:
    """Run the CLI and return its exit code; every error becomes one line on stderr (with
    --debug, the traceback first, and the same exit code)."""
    args = [_utf8_argument(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    debug = "--debug" in args
    try:
        _warn_about_config()
        result = app(args=args, prog_name="reportcli", standalone_mode=False)
        if result == 130:  # Typer turns Ctrl-C into a bare exit code
            sys.stderr.write("reportcli: interrupted\n")
        return result if isinstance(result, int) else EXIT_OK
    except NoResults as exc:
        from reportcli.render import note

        note(str(exc))
        return exc.exit_code
    except ReportcliError as exc:
        return _fail(str(exc), exc.exit_code, debug)
    except NoArgsIsHelpError as exc:  # bare `reportcli` or a group without a command: show help
        sys.stdout.write(exc.ctx.get_help() + "\n" if exc.ctx else exc.format_message())
        return EXIT_OK
    except ClickException as exc:  # usage errors from option parsing
        message = exc.format_message()
        context = getattr(exc, "ctx", None)
        if context is not None:
            message += f" (see `{context.command_path} --help`)"
        return _fail(message, exc.exit_code if exc.exit_code else EXIT_USAGE, debug)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("reportcli: interrupted\n")
        return 130
    except Interrupted as exc:
        sys.stderr.write("reportcli: interrupted\n")
        return 128 + exc.signum
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        import os

        if os.environ.get("_REPORTCLI_COMPLETE"):
            return EXIT_OK  # a shell's completion request gone wrong (COMP_CWORD=x): no suggestion, no noise
        return _fail(describe_unexpected(exc), EXIT_USAGE, debug)


def _warn_about_config() -> None:
    """Unknown keys in config.toml are a warning (a typo would otherwise be silently ignored)."""
    from reportcli.config import unknown_config_keys

    unknown = unknown_config_keys()
    if not unknown:
        return
    from reportcli.render import warn

    for key, path in unknown[:SHOWN_UNKNOWN_KEYS]:
        warn(f"{path}: unknown setting `{key[:60]}` (known: index)")
    if len(unknown) > SHOWN_UNKNOWN_KEYS:
        warn(f"{unknown[0][1]}: … and {len(unknown) - SHOWN_UNKNOWN_KEYS:,} more unknown settings")


SHOWN_UNKNOWN_KEYS = 5


def _utf8_argument(arg: str) -> str:
    """An argument the locale could not decode (LC_ALL=C) arrives with surrogate escapes: its
    bytes are almost always UTF-8 typed in a UTF-8 terminal."""
    if not any("\udc80" <= ch <= "\udcff" for ch in arg):
        return arg
    import os

    try:
        return os.fsencode(arg).decode("utf-8")
    except UnicodeDecodeError:
        return arg


def _fail(message: str, code: int, debug: bool) -> int:
    from reportcli.render import error

    if debug:
        import traceback

        traceback.print_exc()
    error(message)
    return code


def describe_unexpected(exc: BaseException) -> str:
    """A sentence for an error no command anticipated: what failed, in words, never a class name."""
    import sqlite3

    if isinstance(exc, OSError):
        what = f" {exc.filename}" if exc.filename else ""
        reason = exc.strerror or str(exc) or "input/output error"
        return f"cannot access{what}: {reason[:1].lower() + reason[1:]}"
    if isinstance(exc, sqlite3.Error):
        return f"the index could not be read: {exc} (rebuild it with `reportcli build`; --debug shows details)"
    if isinstance(exc, MemoryError):
        return "out of memory"
    detail = str(exc).strip() or "no details"
    return f"unexpected failure ({detail}); run with --debug for a traceback and please report it"


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def run() -> None:
    """Console-script entry point."""
    import signal

    if sys.stdout is None or sys.stderr is None:  # started with a standard stream closed (`>&-`)
        if sys.stderr is not None:
            sys.stderr.write("reportcli: error: standard output is closed\n")
        sys.exit(EXIT_USAGE)
    try:  # text for people in a locale that cannot spell it: replacement marks, not a crash
        sys.stdout.reconfigure(errors="replace")
    except (AttributeError, ValueError):
        pass
    if hasattr(signal, "SIGPIPE"):
        # Like grep and cat: when the reader goes away (`| head -1`), end quietly.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        code = main()
    except SystemExit as exc:  # shell completion ends inside Click with sys.exit
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:  # stdout on a full disk or a closed descriptor
        sys.stderr.write(f"reportcli: error: cannot write the output: {exc.strerror or exc}\n")
        code = code or EXIT_USAGE
    if _Command.ran is None or not _Command.ran.writes:  # help, usage errors and queries
        _end_now(code)
    sys.exit(code)


def _end_now(code: int) -> None:
    """End a query's process without the interpreter's teardown. Freeing every module and object
    one by one costs a Typer process about 30 ms — a fifth of its start-up — and a query that has
    drawn a Rich table more. Only build and add write files, start worker processes and hold
    temporary files; every other run holds nothing that needs the teardown (its output is flushed
    above, its index was opened read-only), so the operating system may reclaim it all at once."""
    import os

    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)
