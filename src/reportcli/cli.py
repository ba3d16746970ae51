"""The Typer app: global options, one thin function per command, one place mapping errors to exit codes.

Heavy modules (sqlite3, rich, the parser) are imported inside the commands that need them, so
start-up costs no more than Typer itself.
"""

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


class Settings:
    """The global options, kept on the click context for every command."""

    def __init__(self, index: Optional[str], debug: bool, no_color: bool) -> None:
        self.index, self.debug, self.no_color = index, debug, no_color

    def connect(self):  # -> sqlite3.Connection
        from reportcli.config import resolve_index
        from reportcli.index.store import open_index

        return open_index(resolve_index(self.index))


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

JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most N rows; 0 = all.")]
SectionOption = Annotated[Optional[str], typer.Option(
    "--section", "-s", help="Only this section: a number from `outline` (3.1) or words from its heading.",
    autocompletion=_complete_sections, show_default=False)]
FormatOption = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="Output format; default: a table on a terminal, plain text in a pipe.",
    show_default=False)]
ReportOption = Annotated[Optional[list[str]], typer.Option(
    "--report", "-r", help="Only this report id (repeatable). Example: --report hailar-2021",
    autocompletion=_complete_report_ids, show_default=False)]


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
    index: Annotated[Optional[str], typer.Option(
        "--index", metavar="FILE", show_default=False,
        help="Index to read (else $REPORTCLI_INDEX, then `index` in config.toml, then the bundled index).")] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in tables (NO_COLOR works too).")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Query Chinese government work reports (政府工作报告) from a prebuilt index.

    Example: reportcli search 垃圾分类
    """
    ctx.obj = Settings(index=index, debug=debug, no_color=no_color)


def _settings(ctx: typer.Context) -> Settings:
    return ctx.find_root().obj


def _format(fmt: Optional[Format], as_json: bool) -> str:
    """table, plain, json, jsonl or csv, from --json, --format and whether stdout is a terminal."""
    from reportcli import render

    return render.choose_format(fmt.value if fmt else None, as_json, sys.stdout)


def _require(rows: list, chosen: str, empty_message: str) -> None:
    """No results: `[]` for a script reading JSON, a line on stderr, exit 1."""
    if not rows:
        if chosen == "json":
            sys.stdout.write("[]\n")
        raise NoResults(empty_message)


def _output(ctx: typer.Context, rows: list, as_json: bool, fmt: Optional[Format], columns, *,
            empty_message: str, **kwargs) -> None:
    from reportcli import render

    chosen = _format(fmt, as_json)
    _require(rows, chosen, empty_message)
    render.emit(rows, chosen, columns, no_color=_settings(ctx).no_color, **kwargs)


@app.command()
def reports(
    ctx: typer.Context,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N reports; 0 = all.")] = 0,
) -> None:
    """List the indexed reports with their metadata, source and SHA-256.

    Example: reportcli reports --json
    """
    from reportcli.query.common import check_limit
    from reportcli.query.reports import list_reports
    from reportcli.render import Column

    rows = list_reports(_settings(ctx).connect(), _reports(report, region, year, level))
    rows = rows[: check_limit(limit)] if limit else rows
    columns = [Column("id", "id", no_wrap=True), Column("year", "year"), Column("region", "region"),
               Column("level", "level"), Column("title", "title", ratio=3), Column("date", "meeting"),
               Column("published", "published"), Column("paragraphs", "¶", justify="right"),
               Column("terms", "terms", justify="right")]
    _output(ctx, rows, as_json, fmt, columns, empty_message="the index holds no reports")


@app.command()
def outline(
    ctx: typer.Context,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """Show the section tree (一、 → (一) → 一是) and the glossary, with paragraph ids.

    Example: reportcli outline --report hailar-2021
    """
    from reportcli.query.common import check_limit
    from reportcli import render
    from reportcli.query.outline import outline as outline_of

    entries = outline_of(_settings(ctx).connect(), _reports(report, region, year, level))
    entries = entries[:check_limit(limit)] if limit else entries
    chosen = _format(fmt, as_json)
    _require(entries, chosen, "no sections were recognised in the selected reports")
    render.emit_outline(entries, chosen, no_color=_settings(ctx).no_color)


@app.command()
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
) -> None:
    """Show one paragraph with its section path and its neighbours.

    Example: reportcli show 12 --context 2
    """
    from reportcli.query.outline import show as show_paragraph
    from reportcli.render import Column

    rows = show_paragraph(_settings(ctx).connect(), paragraph, _reports(report, region, year, level), context)
    columns = [Column("paragraph", "¶", justify="right", no_wrap=True), Column("section", "section", ratio=1),
               Column("text", "text", ratio=3)]
    _output(ctx, rows, as_json, fmt, columns, empty_message=f"no paragraph {paragraph}")


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="Words to find; every word must match.", show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    section: SectionOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N paragraphs; 0 = all.")] = 20,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """Find paragraphs by words, ranked by relevance, with the matches highlighted.

    Example: reportcli search 垃圾分类
    """
    from reportcli.query.common import check_limit
    from reportcli.query.search import search as run_search
    from reportcli.render import Column

    hits = run_search(_settings(ctx).connect(), query, _reports(report, region, year, level), section, check_limit(limit))
    columns = [Column("report", "report", no_wrap=True), Column("paragraph", "¶", justify="right", no_wrap=True),
               Column("score", "score", justify="right", no_wrap=True), Column("section", "section", ratio=1),
               Column("text", "text", ratio=3)]
    _output(ctx, hits, as_json, fmt, columns, empty_message=f"no paragraph matches {' '.join(query)!r}",
            highlight_key="text")


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


@app.command()
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
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark, for Excel.")] = False,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """List every figure: value normalised to base units, unit, indicator, kind, target or achieved.

    Example: reportcli metrics 地区生产总值 --json; reportcli metrics --unit 亿元 --format csv --bom > figures.csv
    """
    from reportcli.query.common import check_limit
    from reportcli.query.metrics import metrics as figures_of
    from reportcli.render import Column

    check_limit(limit)
    rows = figures_of(_settings(ctx).connect(), query, _reports(report, region, year, level), unit=unit,
                      kind=kind.value if kind else None, section=section, target=target, minimum=minimum,
                      maximum=maximum, sort=sort.value)
    rows = rows[:limit] if limit else rows
    columns = [Column("indicator", "indicator", ratio=2), Column("raw", "as written", no_wrap=True),
               Column("value", "value", justify="right", no_wrap=True, number=True), Column("unit", "unit"),
               Column("kind", "kind"), Column("target", "target"),
               Column("paragraph", "¶", justify="right"), Column("section", "section", ratio=2, innermost=True)]
    _output(ctx, rows, as_json, fmt, columns, empty_message="no figures match", bom=bom)


@app.command()
def goals(
    ctx: typer.Context,
    query: Annotated[Optional[str], typer.Argument(
        help="Words of the target's indicator or text (地区生产总值, 就业…).", show_default=False)] = None,
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    main: Annotated[bool, typer.Option("--main", help="Only the headline expected targets (主要预期目标).")] = False,
    check: Annotated[bool, typer.Option(
        "--check", help="Beside each quantified target, the outcome stated by the next year's report of the "
                        "same region, and whether the target was met.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N targets; 0 = all.")] = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """List the targets a report sets: headline expected targets first, then every other commitment.

    Example: reportcli goals --main; reportcli --index corpus.sqlite goals --check --json
    """
    from reportcli import render
    from reportcli.query.common import check_limit
    from reportcli.query.goals import goals as goals_of
    from reportcli.render import Column

    check_limit(limit)
    rows = goals_of(_settings(ctx).connect(), query, _reports(report, region, year, level), main_only=main, check=check)
    rows = rows[:limit] if limit else rows
    if _format(fmt, as_json) in ("table", "plain"):
        rows = render.goal_display(rows)
    columns = [Column("group", "", no_wrap=True), Column("indicator", "indicator", ratio=2),
               Column("target", "target", no_wrap=True), Column("trend", "", no_wrap=True),
               Column("strength", "strength"), Column("horizon", "for"), Column("paragraph", "¶", justify="right")]
    if check:
        columns += [Column("result", "outcome", ratio=2), Column("status", "status")]
    else:
        columns += [Column("text", "text", ratio=3)]
    _output(ctx, rows, as_json, fmt, columns, empty_message="no targets found")


class CountBy(str, Enum):
    report = "report"
    section = "section"


@app.command()
def count(
    ctx: typer.Context,
    terms: Annotated[list[str], typer.Argument(help="Terms to count: 就业 高质量发展 …", show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    by: Annotated[CountBy, typer.Option("--by", help="One row per report, or per section that uses the term.")
                  ] = CountBy.report,
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """Count how often each term occurs in each report (or section): the yearly keyword counts.

    Example: reportcli count 就业 改革 创新; reportcli count 营商环境 --by section
    """
    from reportcli.query.common import check_limit
    from reportcli.query.count import count_terms
    from reportcli.render import Column

    rows = count_terms(_settings(ctx).connect(), terms, _reports(report, region, year, level),
                       by_section=by == CountBy.section)
    rows = rows[:check_limit(limit)] if limit else rows
    columns = [Column("report", "report", no_wrap=True), Column("term", "term"),
               Column("count", "count", justify="right"), Column("paragraphs", "¶ with it", justify="right")]
    if by == CountBy.section:
        columns.append(Column("section", "section", ratio=2))
    _output(ctx, rows, as_json, fmt, columns, empty_message="none of the terms occurs")


@app.command()
def cite(
    ctx: typer.Context,
    paragraph: Annotated[str, typer.Argument(help="Paragraph id (12) or REPORT:ID (hailar-2021:12).",
                                             autocompletion=_complete_paragraphs, show_default=False)],
    report: ReportOption = None,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """Print a paragraph as a ready quotation with the report's title, section path and source.

    Example: reportcli cite 7
    """
    from reportcli.query.cite import cite as quote
    from reportcli.render import Column

    citation = quote(_settings(ctx).connect(), paragraph, _reports(report, None, None, None))
    if _format(fmt, as_json) in ("table", "plain"):
        sys.stdout.write(citation.citation + "\n")  # a quotation is one line of text, meant to be pasted
        return
    _output(ctx, [citation], as_json, fmt, [Column("citation", "citation")], empty_message="")


@app.command()
def trend(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(help="The indicator to follow: 地区生产总值, 城镇新增就业 …",
                                             show_default=False)],
    report: ReportOption = None,
    region: RegionOption = None,
    level: LevelOption = None,
    unit: Annotated[Optional[str], typer.Option(
        "--unit", "-u", help="Only figures in this unit (亿元, %); default: the unit most reports use.",
        autocompletion=_complete_units, show_default=False)] = None,
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """Follow an indicator's achieved figure across the reports of a corpus, year by year, with a chart.

    Example: reportcli --index corpus.sqlite trend 地区生产总值 --region 青山
    """
    from reportcli.query.common import check_limit
    from reportcli import render
    from reportcli.query.trend import trend as follow

    points = follow(_settings(ctx).connect(), indicator, _reports(report, region, None, level), unit)
    points = points[:check_limit(limit)] if limit else points
    chosen = _format(fmt, as_json)
    _require(points, chosen, f"no report states an achieved figure for {indicator!r}")
    if chosen == "table":
        render.emit_trend(points, no_color=_settings(ctx).no_color)
        return
    from reportcli.render import Column

    columns = [Column("year", "year"), Column("report", "report"), Column("region", "region"),
               Column("indicator", "indicator"), Column("raw", "as written"),
               Column("value", "value", justify="right", number=True), Column("unit", "unit"),
               Column("paragraph", "¶", justify="right")]
    _output(ctx, points, as_json, fmt, columns, empty_message="")


@app.command()
def compare(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(metavar="A", help="A report id (the earlier one).",
                                         autocompletion=_complete_report_ids, show_default=False)],
    second: Annotated[str, typer.Argument(metavar="B", help="Another report id.",
                                          autocompletion=_complete_report_ids, show_default=False)],
    limit: LimitOption = 0,
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """Show what changed between two reports: headline targets, indicators reported, glossary terms.

    Example: reportcli --index corpus.sqlite compare 2021 2022
    """
    from reportcli.query.common import check_limit
    from reportcli.query.compare import compare as differences_between
    from reportcli.render import Column

    rows = differences_between(_settings(ctx).connect(), first, second)
    rows = rows[:check_limit(limit)] if limit else rows
    columns = [Column("kind", "what", no_wrap=True), Column("name", "name", ratio=2), Column("a", first, ratio=1),
               Column("b", second, ratio=1), Column("change", "change", no_wrap=True)]
    _output(ctx, rows, as_json, fmt, columns, empty_message=f"no differences between {first} and {second}")


@app.command()
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
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N terms; 0 = all.")] = 0,
) -> None:
    """Explain a term from the report's glossary (名词解释) and show where the report uses it.

    Example: reportcli define 六保
    """
    from reportcli import render
    from reportcli.query.common import check_limit
    from reportcli.query.define import NotDefined, define as look_up
    from reportcli.render import Column

    check_limit(limit)
    try:
        rows = look_up(_settings(ctx).connect(), term, _reports(report, region, year, level))
    except NotDefined as exc:
        chosen = _format(fmt, as_json)
        render.emit(exc.mentions, chosen, [Column("report", "report", no_wrap=True),
                                           Column("paragraph", "¶", justify="right"),
                                           Column("section", "section", ratio=1), Column("text", "text", ratio=3)],
                    no_color=_settings(ctx).no_color)
        raise
    rows = rows[:limit] if limit else rows
    if term is None:
        columns = [Column("term", "term", no_wrap=True), Column("heading", "heading"),
                   Column("summary", "definition", ratio=3), Column("used", "used", justify="right")]
    else:
        columns = [Column("term", "term", no_wrap=True), Column("definition", "definition", ratio=3),
                   Column("used_in", "used in", ratio=2)]
    if _format(fmt, as_json) in ("table", "plain"):
        rows = render.glossary_display(rows)
    _output(ctx, rows, as_json, fmt, columns, empty_message="the glossary of the selected reports is empty")


@app.command()
def build(
    ctx: typer.Context,
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Report files and folders (.txt .md .html .htm). None: rebuild the bundled index from seeds/.",
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


@app.command()
def add(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files and folders to add; a report with the same id "
                                                     "is replaced.", show_default=False)],
    wait: Annotated[float, typer.Option(
        "--wait", metavar="SECONDS", help="How long to wait while another reportcli writes the index.")] = 60.0,
) -> None:
    """Add reports to your index (named by --index or $REPORTCLI_INDEX), replacing same ids, atomically.

    Example: reportcli --index corpus.sqlite add reports/2024.txt
    """
    from reportcli.builder import add_paths
    from reportcli.config import BUNDLED_INDEX, resolve_index

    index = resolve_index(_settings(ctx).index)
    add_paths(paths, index, is_bundled=index.resolve() == BUNDLED_INDEX.resolve(), wait=wait)


@app.command()
def inspect(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files and folders to look at.", show_default=False)],
    as_json: JsonFlag = False,
    fmt: FormatOption = None,
) -> None:
    """Show how files will be read, without building: format, metadata and its sources, outline, counts,
    repairs, warnings.

    Example: reportcli inspect report.pdf
    """
    from reportcli import render
    from reportcli.errors import InputError
    from reportcli.inspection import inspect_paths

    rows = inspect_paths(paths)
    chosen = _format(fmt, as_json)
    _require(rows, chosen, "no report files found")
    render.emit_inspection(rows, chosen, no_color=_settings(ctx).no_color)
    failed = [row for row in rows if row.error]
    if failed:
        raise InputError(failed[0].error if len(failed) == 1 else f"{len(failed)} of {len(rows)} files cannot be read")


def main(argv: Optional[list[str]] = None) -> int:
    """Run the CLI and return its exit code; every error becomes one line on stderr (with
    --debug, the traceback first, and the same exit code)."""
    args = [_utf8_argument(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    debug = "--debug" in args
    try:
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
        position += 2 if words[position] == "--index" else 1
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
