"""The Typer app: global options, one thin function per command, one place mapping errors to exit codes.

A command validates its options, calls one query with the read store, and hands the result to
the output layer (render.Output and its views). Heavy modules (sqlite3, rich, the parser) are
imported inside the commands that need them, so start-up costs no more than Typer itself.
"""

import functools
import inspect
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError

from reportcli import __version__
from reportcli.errors import EXIT_OK, EXIT_USAGE, Interrupted, NoResults, ReportcliError

_APP_SETTINGS = dict(
    name="reportcli",
    help="Query Chinese government work reports (政府工作报告): search, figures, targets, glossary.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app = typer.Typer(**_APP_SETTINGS)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Settings:
    """The global options, kept on the click context for every command."""

    def __init__(self, index: Optional[str] = None, debug: bool = False, color: str = "auto") -> None:
        self.index, self.debug, self.color = index, debug, color
        self._store = None

    def store(self):  # -> reportcli.index.store.Store
        if self._store is None:
            from reportcli.config import resolve_index
            from reportcli.index.store import Store

            self._store = Store.open(resolve_index(self.index))
        return self._store


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

JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most N rows; 0 = all.")]
BomFlag = Annotated[bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark, for Excel.")]
SectionOption = Annotated[Optional[str], typer.Option(
    "--section", "-s", help="Only this section: a number from `outline` (3.1) or words from its heading.",
    autocompletion=_complete_sections, show_default=False)]
FormatOption = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="Output format; default: a table on a terminal, plain text in a pipe.",
    show_default=False)]
ReportOption = Annotated[Optional[list[str]], typer.Option(
    "--report", "-r", help="Only this report id (repeatable). Example: --report hailar-2021",
    autocompletion=_complete_report_ids, show_default=False)]
CodeOption = Annotated[Optional[str], typer.Option(
    "--code", help="Only this indicator of the curated table: gdp_growth, cpi, urban_jobs_new …",
    autocompletion=_complete_codes, show_default=False)]


class Level(str, Enum):
    national = "national"
    province = "province"
    city = "city"
    county = "county"


RegionOption = Annotated[Optional[str], typer.Option(
    "--region", help="Only reports of this region (words of its name: 海拉尔, 呼伦贝尔市).", show_default=False)]
YearOption = Annotated[Optional[int], typer.Option("--year", help="Only reports delivered in this year.",
                                                   show_default=False)]
LevelOption = Annotated[Optional[Level], typer.Option("--level", help="Only reports of this level.",
                                                      show_default=False)]

# The global options, accepted before the command (on the app) and after it (on each command).
_GLOBAL_OPTIONS = {
    "index": (Optional[str], typer.Option(
        "--index", metavar="FILE", show_default=False,
        help="Index to read (else $REPORTCLI_INDEX, then `index` in config.toml, then the bundled index).")),
    "color": (Optional[Color], typer.Option(
        "--color", help="Colour: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always, never.",
        show_default=False)),
    "no_color": (bool, typer.Option("--no-color", help="Same as --color never.")),
    "debug": (bool, typer.Option("--debug", help="Show a traceback on errors (the exit code stays the same).")),
}


def _apply_global(settings: Settings, index: Optional[str], color, no_color: bool, debug: bool) -> None:
    if index is not None:
        settings.index = index
    if color is not None:
        settings.color = color.value if isinstance(color, Color) else str(color)
    if no_color:
        settings.color = "never"
    settings.debug = settings.debug or debug


def command(function):
    """Register a command that also takes the global options after its name
    (`reportcli search 就业 --index my.sqlite --no-color`)."""
    signature = inspect.signature(function)
    extra = [inspect.Parameter(f"global_{name}", inspect.Parameter.KEYWORD_ONLY,
                               default=False if kind is bool else None, annotation=Annotated[kind, option])
             for name, (kind, option) in _GLOBAL_OPTIONS.items()]

    @functools.wraps(function)
    def run(*args, **kwargs):
        values = {name: kwargs.pop(f"global_{name}") for name in _GLOBAL_OPTIONS}
        _apply_global(_settings(kwargs["ctx"]), **values)
        return function(*args, **kwargs)

    run.__signature__ = signature.replace(parameters=[*signature.parameters.values(), *extra])
    run.__annotations__ = {**function.__annotations__, **{p.name: p.annotation for p in extra}}
    return app.command(name=function.__name__.rstrip("_"))(run)  # inspect_ is the command `inspect`


def _reports(report: Optional[list[str]], region: Optional[str], year: Optional[int], level: Optional[Level]):
    """The --report/--region/--year/--level options as one filter for the queries."""
    from reportcli.query.common import ReportFilter

    return ReportFilter(ids=tuple(report or ()), region=region, year=year, level=level.value if level else None)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"reportcli {__version__}\n")
        raise typer.Exit()


@app.callback()
def global_options(
    ctx: typer.Context,
    index: Annotated[_GLOBAL_OPTIONS["index"][0], _GLOBAL_OPTIONS["index"][1]] = None,
    color: Annotated[_GLOBAL_OPTIONS["color"][0], _GLOBAL_OPTIONS["color"][1]] = None,
    no_color: Annotated[bool, _GLOBAL_OPTIONS["no_color"][1]] = False,
    debug: Annotated[bool, _GLOBAL_OPTIONS["debug"][1]] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Query Chinese government work reports (政府工作报告) from a prebuilt index.

    Global options work before or after the command. Example: reportcli search 垃圾分类
    """
    ctx.obj = Settings()
    _apply_global(ctx.obj, index, color, no_color, debug)


def _settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if root.obj is None:
        root.obj = Settings()
    return root.obj


def _output(ctx: typer.Context, fmt: Optional[Format], as_json: bool, bom: bool = False):  # -> render.Output
    from reportcli.render import Output

    return Output(requested_format=fmt.value if fmt else None, as_json=as_json, color=_settings(ctx).color, bom=bom)


def _ask(ctx: typer.Context, out, query):
    """Run a query against the index; when it finds nothing (a filter that selects no report
    included), JSON output still gets its `[]`."""
    try:
        return query(_settings(ctx).store())
    except NoResults:
        out.empty()
        raise


def _show(ctx: typer.Context, out, rows: list, view: str, *, empty: str, limit: int = 0,
          total: Optional[int] = None, at_least: bool = False, headers: Optional[dict] = None) -> None:
    """Write rows (cut to --limit, saying so on stderr); no rows: exit 1 with `empty` on stderr."""
    from reportcli.query.common import check_limit

    check_limit(limit)
    if not rows:
        out.empty()
        raise NoResults(empty)
    total = len(rows) if total is None else total
    shown = rows[:limit] if limit else rows
    out.rows(shown, view, single_report=_settings(ctx).store().report_count() == 1, headers=headers)
    if total > len(shown):
        out.note(f"showing {len(shown)} of {'at least ' if at_least else ''}{total}; --limit 0 shows all")


@command
def reports(
    ctx: typer.Context,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N reports; 0 = all.")] = 0,
) -> None:
    """List the indexed reports with their metadata, source and SHA-256.

    Example: reportcli reports --json
    """
    from reportcli.query.reports import list_reports

    out = _output(ctx, fmt, as_json, bom)
    rows = _ask(ctx, out, lambda store: list_reports(store, _reports(report, region, year, level)))
    _show(ctx, out, rows, "reports", empty="the index holds no reports", limit=limit)


@command
def info(
    ctx: typer.Context,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Show which index is in use and why (--index, $REPORTCLI_INDEX, config.toml, bundled), its
    path, schema version, size, modification date and the reports it holds.

    Example: reportcli info --json
    """
    from reportcli.query.info import index_info

    out = _output(ctx, fmt, as_json, bom)
    settings = _settings(ctx)
    summary = index_info(settings.index, settings.store)
    if out.structured:
        out.rows([summary], "info")
        return
    out.rows(summary.lines(), "info")


@command
def outline(
    ctx: typer.Context,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Show the section tree (一、 → (一) → 一是) and the glossary, with paragraph ids.

    Example: reportcli outline --report hailar-2021
    """
    from reportcli import render
    from reportcli.query.common import check_limit
    from reportcli.query.outline import outline as outline_of

    out = _output(ctx, fmt, as_json, bom)
    entries = _ask(ctx, out, lambda store: outline_of(store, _reports(report, region, year, level)))
    if not entries:
        out.empty()
        raise NoResults("no sections were recognised in the selected reports")
    shown = entries[:check_limit(limit)] if limit else entries
    render.emit_outline(shown, out)
    if len(shown) < len(entries):
        out.note(f"showing {len(shown)} of {len(entries)} sections; --limit 0 shows all")


@command
def show(
    ctx: typer.Context,
    paragraph: Annotated[str, typer.Argument(help="Paragraph id (12) or REPORT:ID (hailar-2021:12).",
                                             autocompletion=_complete_paragraphs, show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    context: Annotated[int, typer.Option("--context", "-C", help="Neighbouring paragraphs on each side.")] = 1,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Show one paragraph with its section path and its neighbours.

    Example: reportcli show 12 --context 2
    """
    from reportcli.query.outline import show as show_paragraph

    out = _output(ctx, fmt, as_json, bom)
    rows = _ask(ctx, out, lambda store: show_paragraph(store, paragraph, _reports(report, region, year, level), context))
    _show(ctx, out, rows, "show", empty=f"no paragraph {paragraph}")


@command
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="Words to find; every word must match.", show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    section: SectionOption = None,
    exact: Annotated[bool, typer.Option(
        "--exact", help="Only paragraphs with the words as typed (after folding width, script and case): "
                        "no pinyin, shorthand, split words or typos.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N paragraphs; 0 = all.")] = 20,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Find paragraphs by words, ranked by relevance, with the matches highlighted.

    Each hit says how it matched (JSON `match`): exact (the phrase as typed), words (every word,
    apart), concept (a shorthand's expansion or the reverse: 新基建 ↔ 新型基础设施建设), fuzzy
    (pinyin, split words, typos). When nothing matches as typed, a note on stderr says the
    answers are approximate and what was searched instead.

    Example: reportcli search 垃圾分类
    """
    from reportcli.query.common import check_limit
    from reportcli.query.search import search as run_search

    out = _output(ctx, fmt, as_json, bom)
    result = _ask(ctx, out, lambda store: run_search(store, query, _reports(report, region, year, level), section,
                                                     check_limit(limit), exact=exact))
    for note in result.notes:
        out.note(note)
    _show(ctx, out, result.hits, "search", empty=f"no paragraph matches {' '.join(query)!r}", limit=limit,
          total=result.total, at_least=result.capped)


class Kind(str, Enum):
    level = "level"
    change = "change"
    share = "share"
    rank = "rank"
    ratio = "ratio"
    other = "other"


class Sort(str, Enum):
    position = "position"
    value = "value"


@command
def metrics(
    ctx: typer.Context,
    query: Annotated[Optional[str], typer.Argument(
        help="Words of the indicator or its context (地区生产总值, 就业, gdp in pinyin…).", show_default=False)] = None,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    unit: Annotated[Optional[str], typer.Option(
        "--unit", "-u", help="Only this unit, as you would write it: 亿元, 万人, %, 亩.", autocompletion=_complete_units,
        show_default=False)] = None,
    kind: Annotated[Optional[Kind], typer.Option("--kind", "-k", help="Only this kind of figure.",
                                                 show_default=False)] = None,
    code: CodeOption = None,
    section: SectionOption = None,
    target: Annotated[Optional[bool], typer.Option(
        "--target/--achieved", help="Only targets set for the future, or only figures achieved.",
        show_default=False)] = None,
    minimum: Annotated[Optional[float], typer.Option("--min", help="Smallest value, in base units (元, not 亿元).",
                                                     show_default=False)] = None,
    maximum: Annotated[Optional[float], typer.Option("--max", help="Largest value, in base units.",
                                                     show_default=False)] = None,
    sort: Annotated[Sort, typer.Option("--sort", help="Order: position in the text, or value (largest first).")
                    ] = Sort.position,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N figures; 0 = all.")] = 0,
    bom: BomFlag = False,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """List every figure: value normalised to base units, unit, indicator, kind, target or achieved.

    Example: reportcli metrics 地区生产总值 --json; reportcli metrics --unit 亿元 --format csv --bom > figures.csv
    """
    from reportcli.query.metrics import metrics as figures_of

    out = _output(ctx, fmt, as_json, bom)
    rows = _ask(ctx, out, lambda store: figures_of(
        store, query, _reports(report, region, year, level), unit=unit, kind=kind.value if kind else None,
        section=section, target=target, minimum=minimum, maximum=maximum, code=code, sort=sort.value))
    _show(ctx, out, rows, "metrics", empty="no figures match", limit=limit)


_CHECK_HELP = ("Beside each quantified target, the outcome stated by the next year's report of the same region, "
               "and whether the target was met: >= met at or above the target, <= at or below; about (左右) "
               "within 0.2 percentage points (2% for amounts) on the wrong side, which is below for growth, "
               "jobs and output and above for prices, unemployment and deficits; range from its lower bound "
               "(upper, for prices…); a bare figure reached (not exceeded, for prices…). No next report, or no "
               "outcome in it: unknown. Outcomes are the year's own figure: never a multi-year average, a "
               "restated target or another indicator.")


@command
def goals(
    ctx: typer.Context,
    query: Annotated[Optional[str], typer.Argument(
        help="Words of the target's indicator or text (地区生产总值, 就业…).", show_default=False)] = None,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    main: Annotated[bool, typer.Option("--main", help="Only the headline expected targets (主要预期目标).")] = False,
    code: CodeOption = None,
    check: Annotated[bool, typer.Option("--check", help=_CHECK_HELP)] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N targets; 0 = all.")] = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """List the targets a report sets: headline expected targets first, then every other commitment.

    Example: reportcli goals --main; reportcli --index corpus.sqlite goals --check --format csv --limit 0
    """
    from reportcli.query.goals import goals as goals_of

    out = _output(ctx, fmt, as_json, bom)
    rows = _ask(ctx, out, lambda store: goals_of(store, query, _reports(report, region, year, level), main_only=main,
                                                 check=check, code=code))
    _show(ctx, out, rows, "goals-check" if check else "goals", empty="no targets found", limit=limit)


class CountBy(str, Enum):
    report = "report"
    section = "section"


@command
def count(
    ctx: typer.Context,
    terms: Annotated[list[str], typer.Argument(help="Terms to count: 就业 高质量发展 …", show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    by: Annotated[CountBy, typer.Option("--by", help="One row per report, or per section that uses the term.")
                  ] = CountBy.report,
    expand: Annotated[bool, typer.Option(
        "--expand", help="Count a shorthand's long forms with it (新基建 with 新型基础设施建设) and the reverse; "
                         "off by default, so the counts stay the literal ones journalists publish.")] = False,
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Count how often each term occurs in each report (or section): the yearly keyword counts.

    Example: reportcli count 就业 改革 创新; reportcli count 营商环境 --by section
    """
    from reportcli.query.count import count_terms

    out = _output(ctx, fmt, as_json, bom)

    def query(store):
        expansions = None
        if expand:
            from reportcli.query.concepts import expansions_for

            expansions = {term: expansions_for(store, term) for term in terms}
        return count_terms(store, terms, _reports(report, region, year, level), by_section=by == CountBy.section,
                           expansions=expansions)

    rows = _ask(ctx, out, query)
    _show(ctx, out, rows, "count-section" if by == CountBy.section else "count", empty="none of the terms occurs",
          limit=limit)


@command
def cite(
    ctx: typer.Context,
    paragraph: Annotated[str, typer.Argument(help="Paragraph id (12) or REPORT:ID (hailar-2021:12).",
                                             autocompletion=_complete_paragraphs, show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Print a paragraph as a ready quotation with the report's title, section path and source.

    Example: reportcli cite 7
    """
    from reportcli.query.cite import cite as quote

    out = _output(ctx, fmt, as_json, bom)
    citation = _ask(ctx, out, lambda store: quote(store, paragraph, _reports(report, region, year, level)))
    if out.structured:
        out.rows([citation], "cite")
    else:
        out.stdout.write(citation.citation + "\n")  # a quotation is one line of text, meant to be pasted


@command
def trend(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(
        help="The indicator to follow: words of its name (地区生产总值, 城镇新增就业) or a code (gdp_growth, cpi).",
        autocompletion=_complete_codes, show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    unit: Annotated[Optional[str], typer.Option(
        "--unit", "-u", help="Only figures in this unit (亿元, %); default: the unit most reports use.",
        autocompletion=_complete_units, show_default=False)] = None,
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Follow an indicator's achieved figure across the reports of a corpus, year by year, with a chart.

    Each report gives the outcome of the year before it (`period`): the year's own figure, never a
    multi-year average or a restated target.

    Example: reportcli --index corpus.sqlite trend gdp_growth --region 青山
    """
    from reportcli import render
    from reportcli.query.common import check_limit
    from reportcli.query.trend import trend as follow

    out = _output(ctx, fmt, as_json, bom)
    points = _ask(ctx, out, lambda store: follow(store, indicator, _reports(report, region, year, level), unit))
    if out.format == "table" and points:
        shown = points[:check_limit(limit)] if limit else points
        render.emit_trend(shown, out)
        if len(shown) < len(points):
            out.note(f"showing {len(shown)} of {len(points)}; --limit 0 shows all")
        return
    _show(ctx, out, points, "trend", empty=f"no report states an achieved figure for {indicator!r}", limit=limit)


@command
def compare(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(metavar="A", help="A report id (the earlier one).",
                                         autocompletion=_complete_report_ids, show_default=False)],
    second: Annotated[str, typer.Argument(metavar="B", help="Another report id.",
                                          autocompletion=_complete_report_ids, show_default=False)],
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Show what changed between two reports: headline targets, indicators reported, glossary terms.

    Example: reportcli --index corpus.sqlite compare 2021 2022
    """
    from reportcli.query.compare import compare as differences_between

    out = _output(ctx, fmt, as_json, bom)
    rows = _ask(ctx, out, lambda store: differences_between(store, first, second))
    _show(ctx, out, rows, "compare", empty=f"no differences between {first} and {second}", limit=limit,
          headers={"a": first, "b": second})


@command
def define(
    ctx: typer.Context,
    term: Annotated[Optional[str], typer.Argument(
        help="Term to explain: 放管服, 六保, fangguanfu, 河湖四乱…; none lists every term.",
        autocompletion=_complete_terms, show_default=False)] = None,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N terms; 0 = all.")] = 0,
) -> None:
    """Explain a term from the report's glossary (名词解释), or from the shorthand lexicon when no
    glossary defines it, and show where the report uses it.

    Example: reportcli define 六保
    """
    from reportcli.query.define import NotDefined, define as look_up

    out = _output(ctx, fmt, as_json, bom)
    view = "define-list" if term is None else "define"
    store = _settings(ctx).store()
    try:
        rows = look_up(store, term, _reports(report, region, year, level))
    except NotDefined as exc:  # used but not defined: the mentions, in the same shape, and exit 1
        out.rows(exc.rows, view, single_report=store.report_count() == 1)
        raise
    except NoResults:
        out.empty()
        raise
    _show(ctx, out, rows, view, empty="the glossary of the selected reports is empty", limit=limit)


@command
def build(
    ctx: typer.Context,
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Report files and folders (.txt .md .html .htm .pdf .docx). None: rebuild the bundled index from seeds/.",
        show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", help="Index file to write (atomically). An existing file is replaced only "
        "if it is a reportcli index; never an input, a device or a write-protected file.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE even if it is not a reportcli index.")] = False,
) -> None:
    """Build an index from report files; with no paths, rebuild the bundled index from seeds/.

    Example: reportcli build reports/ -o my.sqlite
    """
    from reportcli.builder import build_from_paths

    build_from_paths(paths or [], output, force=force)


@command
def add(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files and folders to add; a report with the same id "
                                                     "is replaced.", show_default=False)],
    wait: Annotated[float, typer.Option(
        "--wait", metavar="SECONDS", help="How long to wait while another reportcli writes the index.")] = 60.0,
) -> None:
    """Add reports to your index (named by --index or $REPORTCLI_INDEX), replacing same ids, in one transaction.

    Example: reportcli --index corpus.sqlite add reports/2024.txt
    """
    from reportcli.builder import add_paths
    from reportcli.config import BUNDLED_INDEX, resolve_index

    index = resolve_index(_settings(ctx).index)
    add_paths(paths, index, is_bundled=index.resolve() == BUNDLED_INDEX.resolve(), wait=wait)


@command
def inspect_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files and folders to look at.", show_default=False)],
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    bom: BomFlag = False,
) -> None:
    """Show how files will be read, without building: format, metadata and its sources, outline, counts,
    repairs, warnings.

    Example: reportcli inspect report.pdf
    """
    from reportcli import render
    from reportcli.errors import InputError
    from reportcli.inspection import inspect_paths

    out = _output(ctx, fmt, as_json, bom)
    rows = inspect_paths(paths)
    if not rows:
        out.empty()
        raise NoResults("no report files found")
    render.emit_inspection(rows, out)
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
        result = _app_for(args)(args=args, prog_name="reportcli", standalone_mode=False)
        if result == 130:  # Typer turns Ctrl-C into a bare exit code
            sys.stderr.write("reportcli: interrupted\n")
        return result if isinstance(result, int) else EXIT_OK
    except NoResults as exc:
        sys.stderr.write(f"reportcli: {exc}\n")
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
        return _fail(describe_unexpected(exc), EXIT_USAGE, debug)


def _warn_about_config() -> None:
    """Unknown keys in config.toml are a warning (a typo would otherwise be silently ignored)."""
    from reportcli.config import unknown_config_keys

    for key, path in unknown_config_keys():
        sys.stderr.write(f"reportcli: warning: {path}: unknown setting `{key}` (known: index)\n")


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
    error(message.replace("\n", " "))
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


# Global options that take a value: the word after them is not the command's name.
_VALUED_GLOBALS = ("--index", "--color")


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run registered.

    Typer turns every registered command into click parameters on each run (~0.5 ms a command),
    so a run of one command registers just that one — the same function, options and parsing,
    only sooner. Help, command-name completion and anything unrecognised get the whole app.
    """
    import os

    words, completing = args, any(name.endswith("_COMPLETE") for name in os.environ)
    if completing:
        # The shell's command line: bash gives COMP_WORDS and COMP_CWORD, the others the line so far.
        line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
        words = line.split()[1:]
        if "COMP_CWORD" in os.environ:
            words = words[:max(0, int(os.environ["COMP_CWORD"]) - 1)]  # the words before the cursor
        elif not line.endswith(" "):
            words = words[:-1]  # the last word is the one being completed
    position = 0
    while position < len(words) and words[position].startswith("-"):
        if words[position] in ("-h", "--help", "--version", "--install-completion", "--show-completion"):
            return app
        position += 2 if words[position] in _VALUED_GLOBALS else 1
    if position >= len(words):
        return app
    chosen = [info for info in app.registered_commands
              if (info.name or info.callback.__name__) == words[position]]
    if not chosen:
        return app
    lean = typer.Typer(**_APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return lean


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
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:  # stdout on a full disk or a closed descriptor
        sys.stderr.write(f"reportcli: error: cannot write the output: {exc.strerror or exc}\n")
        code = code or EXIT_USAGE
    sys.exit(code)
