"""How results look to people: the columns and display transforms of each kind of result
(`VIEWS`), Rich tables, trees and charts for a terminal, tab-separated lines for a pipe.

Imported only when a table or plain text is drawn (reportcli.render writes JSON and CSV
itself); Rich is imported only when a table, tree or chart is drawn.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any, Callable, TextIO

from reportcli.record import Record
from reportcli.render import FORMATS, Output, as_dict, cell, write_structured


class Column(Record):
    """One column of a table (and of plain output): which field, its header, its layout."""

    key: str
    header: str
    justify: str = "left"
    no_wrap: bool = False
    ratio: int | None = None  # share of spare width for wide text columns
    style: str | None = None
    number: bool = False  # show with thousands separators
    innermost: bool = False  # a section path shown by its innermost heading only
    report: bool = False  # the report column: hidden in a terminal when the index holds one report


def console(no_color: bool, stream: TextIO | None = None, force: bool = False):  # -> rich.console.Console
    from rich.console import Console

    # Rich itself honours NO_COLOR and drops colour when the stream is not a terminal.
    made = Console(file=stream or sys.stdout, no_color=no_color or None, highlight=False, soft_wrap=False, emoji=False,
                   force_terminal=True if force and not no_color else None)
    if made.width < NARROWEST_TABLE:
        # COLUMNS=0 or 1 (a misconfigured terminal): a table that narrow shows borders and no data.
        from reportcli.render import warn

        warn(f"the terminal is {made.width} column{'s' * (made.width != 1)} wide (COLUMNS); drawing tables "
             f"{DEFAULT_WIDTH} wide")
        made.width = DEFAULT_WIDTH
    return made


NARROWEST_TABLE = 20
DEFAULT_WIDTH = 80



class View(Record):
    columns: tuple[Column, ...]
    highlight: str | None = None  # a text column whose row carries `matches` spans to highlight
    prepare: Callable[[list[dict]], list[dict]] | None = None  # display transforms for table and plain text


def _report_column() -> Column:
    return Column("report", "report", no_wrap=True, report=True)


def glossary_display(rows: list[dict]) -> list[dict]:
    """Definitions with the cells a reader wants: the first line, and where the term is used."""
    for row in rows:
        first = (row["definition"] or "(not defined in the glossary)").split("\n", 1)[0]
        row["summary"] = first if len(first) <= 60 else first[:60] + "…"
        row["definition"] = row["definition"] or "(not defined in the glossary)"
        reports = row.get("reports") or []
        if len(reports) > 1:  # one definition given by several reports: where each uses it
            places = list(row["used_in"])
            row["report"] = f"{reports[0]} (+{len(reports) - 1})"
        else:
            places = [f"¶{pid} {path.split(' > ')[-1]}" for pid, path in zip(row["mentions"], row["mention_sections"])]
        count = len(places)
        row["used"] = count
        row["used_in"] = "not used in the body" if not count else (
            f"{count} paragraph{'s' * (count != 1)}:\n" + "\n".join(places[:5])
            + (f"\n… and {count - 5} more" if count > 5 else ""))
        # a lexicon definition is reportcli's, not the report's own: the table says so
        row["origin"] = {"glossary": "名词解释", "lexicon": "reportcli lexicon"}.get(row.get("source") or "", "")
    return rows


def goal_display(rows: list[dict]) -> list[dict]:
    """Goals with their table cells: headline/other, the target as written with its sign, ↑↓, the outcome."""
    for row in rows:
        row.update(group="main" if row["main"] else "other", target=target_cell(row), trend=direction_cell(row),
                   result=outcome_cell(row), versus=parent_cell(row))
    return rows


def parent_cell(goal: dict) -> str:
    """The parent region's target and the gap to it: ≈ 5% +0.5 (层层加码 at a glance)."""
    parent = goal.get("parent_target")
    if not parent:
        return ""
    gap = goal.get("gap")
    shown = "" if gap is None else f" {'+' if gap > 0 else '±' if gap == 0 else ''}{gap:g}"
    return target_cell(parent) + shown


_COMPARATOR_SIGNS = {"about": "≈", ">=": "≥", "<=": "≤", "=": "="}


def target_cell(goal: dict) -> str:
    """A goal's target as people write it: ≈ 3%, ≥ 70%, 6–6.5%; the text for a qualitative one."""
    if goal["value"] is None:
        return "(qualitative)"
    raw = goal["raw"]
    if goal["comparator"] == "range":
        return raw.replace("%-", "–").replace("-", "–").replace("至", "–")
    sign = _COMPARATOR_SIGNS.get(goal["comparator"] or "=", "=")
    from reportcli.parse.lexicon import APPROX_AFTER, alternation
    from reportcli.text import fold

    qualifier = re.search(f"(?:{alternation(APPROX_AFTER)})$", fold(raw))  # 以內 folds to 以内
    return f"{sign} {raw[:qualifier.start()] if qualifier else raw}"


def direction_cell(goal: dict) -> str:
    return {"up": "↑", "down": "↓"}.get(goal["direction"] or "", "")


def outcome_cell(goal: dict) -> str:
    outcome = goal.get("outcome")
    if not outcome:
        return goal.get("note") or "no outcome found" if goal.get("status") == "unknown" else ""
    return f"{outcome['raw']} ({outcome['report']} ¶{outcome['paragraph']})"


VIEWS: dict[str, View] = {
    "reports": View((Column("id", "id", no_wrap=True), Column("year", "year", no_wrap=True), Column("region", "region"),
                     Column("level", "level"), Column("title", "title", ratio=3), Column("date", "meeting", no_wrap=True),
                     Column("published", "published", no_wrap=True), Column("paragraphs", "¶", justify="right"),
                     Column("terms", "terms", justify="right"))),
    "show": View((_report_column(), Column("paragraph", "¶", justify="right", no_wrap=True),
                  Column("section", "section", ratio=1), Column("text", "text", ratio=3))),
    "search": View((_report_column(), Column("paragraph", "¶", justify="right", no_wrap=True),
                    Column("score", "score", justify="right", no_wrap=True), Column("section", "section", ratio=1),
                    Column("text", "text", ratio=3)), highlight="text"),
    "metrics": View((_report_column(), Column("indicator", "indicator", ratio=2),
                     Column("raw", "as written", no_wrap=True),
                     Column("value", "value", justify="right", no_wrap=True, number=True),
                     Column("unit", "unit", no_wrap=True), Column("kind", "kind", no_wrap=True),
                     Column("target", "target", no_wrap=True), Column("paragraph", "¶", justify="right", no_wrap=True),
                     Column("section", "section", ratio=2, innermost=True))),
    "goals": View((_report_column(), Column("group", "", no_wrap=True), Column("indicator", "indicator", ratio=2),
                   Column("target", "target", no_wrap=True), Column("trend", "", no_wrap=True),
                   Column("strength", "strength", no_wrap=True), Column("horizon", "for", no_wrap=True),
                   Column("versus", "parent", no_wrap=True),
                   Column("paragraph", "¶", justify="right", no_wrap=True), Column("text", "text", ratio=3)),
                  prepare=goal_display),
    # (narrower than goals: its status must fit at 80 columns; the report's year stands for the horizon)
    "goals-check": View((_report_column(), Column("group", "", no_wrap=True), Column("indicator", "indicator", ratio=2),
                         Column("target", "target", ratio=1), Column("trend", "", no_wrap=True),
                         Column("paragraph", "¶", justify="right", no_wrap=True),
                         Column("result", "outcome", ratio=2), Column("status", "status", no_wrap=True)),
                        prepare=goal_display),
    "count": View((Column("report", "report", no_wrap=True), Column("term", "term"),
                   Column("count", "count", justify="right"), Column("paragraphs", "¶ with it", justify="right"))),
    "count-section": View((Column("report", "report", no_wrap=True), Column("term", "term"),
                           Column("count", "count", justify="right"),
                           Column("paragraphs", "¶ with it", justify="right"), Column("section", "section", ratio=2))),
    "trend": View((Column("year", "year", no_wrap=True), Column("report", "report", no_wrap=True),
                   Column("period", "figure for", no_wrap=True),
                   Column("region", "region"), Column("indicator", "indicator"), Column("raw", "as written", no_wrap=True),
                   Column("value", "value", justify="right", number=True, no_wrap=True), Column("unit", "unit"),
                   Column("paragraph", "¶", justify="right"))),
    "count-year": View((Column("year", "year", no_wrap=True), Column("term", "term"),
                        Column("count", "count", justify="right"), Column("reports", "reports", justify="right"))),
    "codes": View((Column("code", "code", no_wrap=True), Column("name_en", "English", ratio=2),
                   Column("name", "name", ratio=2), Column("better", "better", no_wrap=True))),
    "compare": View((Column("kind", "what", no_wrap=True), Column("name", "name", ratio=2), Column("a", "A", ratio=1),
                     Column("b", "B", ratio=1), Column("change", "change", no_wrap=True))),
    "define": View((_report_column(), Column("term", "term", no_wrap=True), Column("definition", "definition", ratio=3),
                    Column("origin", "from", no_wrap=True), Column("used_in", "used in", ratio=2)),
                   prepare=glossary_display),
    "define-list": View((_report_column(), Column("term", "term", no_wrap=True), Column("heading", "heading"),
                         Column("summary", "definition", ratio=3), Column("origin", "from", no_wrap=True),
                         Column("used", "used", justify="right")),
                        prepare=glossary_display),
    "cite": View((Column("citation", "citation"),)),
    "info": View((Column("field", "", no_wrap=True), Column("value", "", ratio=1))),
}


def emit(rows: list[Any], fmt: str, columns: list[Column], *, no_color: bool = False,
         title: str | None = None, highlight_key: str | None = None, stream: TextIO | None = None,
         bom: bool = False, force_color: bool = False) -> None:
    """Write rows in the chosen format. `highlight_key` names a text column whose row also
    carries `matches` spans to highlight (search)."""
    stream = stream or sys.stdout
    dicts = [as_dict(row) for row in rows]
    if fmt in FORMATS and fmt != "table":
        write_structured(dicts, fmt, stream, bom=bom)
        return
    if fmt == "plain":
        for row in dicts:
            cells = []
            for c in columns:
                text = cell(row[c.key], c.number).replace("\n", " ").replace("\t", " ")
                if c.key == highlight_key and force_color and not no_color and row.get("matches"):
                    text = _ansi_highlight(text, row["matches"])
                cells.append(text)
            stream.write("\t".join(cells) + "\n")
        return
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for column in columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap, ratio=column.ratio,
                         style=column.style, overflow="fold", min_width=max(1, cell_len(column.header)))
    for row in dicts:
        cells = []
        for column in columns:
            if column.key == highlight_key:
                snippet_text, spans = snippet(row[column.key], row.get("matches", []))
                text = Text(snippet_text)
                for start, end in spans:
                    text.stylize("bold reverse" if no_color else "bold red", start, end)
                cells.append(text)
            else:
                value = cell(row[column.key], column.number)
                cells.append(Text(value.split(" > ")[-1] if column.innermost else value))
        # show: the paragraph asked for stands out from its neighbours
        table.add_row(*cells, style="dim" if row.get("focus") is False else None)
    console(no_color, stream, force=force_color).print(table)


def _ansi_highlight(text: str, matches: list[list[int]]) -> str:
    out, position = [], 0
    for start, end in sorted(tuple(m) for m in matches):
        if start < position:
            continue
        out += [text[position:start], "\x1b[1;31m", text[start:end], "\x1b[0m"]
        position = end
    return "".join(out) + text[position:]


def snippet(text: str, matches: list[list[int]], width: int = 120) -> tuple[str, list[tuple[int, int]]]:
    """A window of about `width` characters around the first match, with spans shifted into it."""
    if len(text) <= width or not matches:
        return (text if len(text) <= width else text[:width] + "…"), [tuple(m) for m in matches]
    first = matches[0][0]
    start = max(0, min(first - width // 3, len(text) - width))
    end = start + width
    window = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    offset = 1 if start else 0
    spans = [(max(s, start) - start + offset, min(e, end) - start + offset) for s, e in matches if e > start and s < end]
    return window, spans


def emit_outline(entries: Iterable[Any], output: Output) -> None:
    """The section tree: a Rich tree on a terminal, indented text on a pipe, rows otherwise;
    written as the entries come (they come a report at a time)."""
    from itertools import groupby

    stream = output.stdout
    dicts = (as_dict(entry) for entry in entries)
    if output.structured:
        write_structured(dicts, output.format, stream, bom=output.bom)
        return
    if output.format == "plain":
        for row in dicts:
            stream.write(f"{row['report']}\t{'  ' * (row['level'] - 1)}{row['label']}\t{row['number']}"
                         f"\t¶{cell(row['paragraph'])}\n")
        return
    from rich.tree import Tree

    out = console(not output.color, stream, force=output.color)
    for report, rows in groupby(dicts, key=lambda row: row["report"]):
        tree = Tree(f"[bold]{_escape(report)}[/bold]")
        stack: list[tuple[int, Any]] = [(0, tree)]
        for row in rows:
            while stack[-1][0] >= row["level"]:
                stack.pop()
            where = f" ¶{row['paragraph']}" if row["paragraph"] else ""
            label = f"[dim]{row['number']}[/dim] {_escape(row['label'])}[dim]{where}[/dim]"
            stack.append((row["level"], stack[-1][1].add(label)))
        out.print(tree)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def emit_trend(points: list[Any], output: Output) -> None:
    """An indicator across years: a table with a bar per year (Rich). In a narrow terminal the
    chart shrinks first; years and figures keep their width."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    rows = [as_dict(point) for point in points]
    values = [row["value"] for row in rows if isinstance(row["value"], (int, float))]
    top = max((abs(v) for v in values), default=0) or 1
    unit = rows[0]["unit"] if rows else ""
    out = console(not output.color, output.stdout, force=output.color)
    keys = [("year", "year", "left", False), ("report", "report", "left", False), ("period", "figure for", "left", False),
            ("raw", "as written", "left", False), ("value", "value", "right", True)]
    widths = [max([cell_len(header)] + [cell_len(cell(row[key], number)) for row in rows])
              for key, header, _, number in keys]
    spare = out.width - sum(widths) - 3 * (len(keys) + 1) - 1
    bar_width = max(0, min(28, spare))
    table = Table(title=f"{rows[0]['indicator']} ({unit})" if rows else None, header_style="bold")
    for (key, header, justify, _), width in zip(keys, widths):
        table.add_column(header, justify=justify, no_wrap=True, min_width=width)
    if bar_width:
        table.add_column("", no_wrap=True, overflow="crop", max_width=bar_width)
    for row in rows:
        cells = [cell(row["year"]), row["report"], cell(row.get("period")), row["raw"], cell(row["value"], True)]
        if bar_width:
            width = round(bar_width * abs(row["value"]) / top) if isinstance(row["value"], (int, float)) else 0
            cells.append(Text("█" * max(width, 1), style=None if not output.color else "cyan"))
        table.add_row(*cells)
    out.print(table)


_METADATA_ORDER = ("title", "region", "level", "year", "date", "meeting", "office", "speaker", "publisher",
                   "published")


def inspection_lines(row: dict) -> list[tuple[str, str]]:
    """An inspection as (label, text) lines, for people; the label column is blank on continuations."""
    lines: list[tuple[str, str]] = [("file", row["file"])]
    if row.get("error"):
        return lines + [("error", row["error"])]
    how = row["format"] + (f" ({row['encoding']})" if row.get("encoding") else "") + \
        (f", {row['pages']} pages" if row.get("pages") else "") + f", {row['bytes']:,} bytes"
    lines += [("read as", how), ("id", row["id"])]
    for name in _METADATA_ORDER:
        entry = row["metadata"].get(name, {})
        value = entry.get("value")
        source = entry.get("source") or ("not found" if value is None else "")
        shown = "—" if value is None else str(value)
        lines.append((name, f"{shown}  [{source}]" if source else shown))
    counts = row["counts"]
    lines.append(("counts", f"{counts['paragraphs']} paragraphs, {counts['sections']} sections, "
                            f"{counts['figures']} figures, {counts['targets']} targets "
                            f"({counts['headline_targets']} headline), {counts['terms']} glossary terms"))
    repairs = row["repairs"] or [{"kind": "none needed", "count": 0, "examples": []}]
    for n, repair in enumerate(repairs):
        examples = "; ".join(f"“{example}”" for example in repair["examples"])
        text = repair["kind"] + (f" ×{repair['count']}" if repair["count"] else "") + (f": {examples}" if examples else "")
        lines.append(("repairs" if n == 0 else "", text))
    for n, warning in enumerate(row["warnings"] or ["none"]):
        lines.append(("warnings" if n == 0 else "", warning))
    for n, entry in enumerate(row["outline"] or [{"level": 1, "number": "", "label": "(no sections recognised)",
                                                  "paragraph": None}]):
        where = f" ¶{entry['paragraph']}" if entry.get("paragraph") else ""
        lines.append(("outline" if n == 0 else "",
                      f"{'  ' * (entry['level'] - 1)}{entry['number']} {entry['label']}{where}".rstrip()))
    return lines


def emit_inspection(rows: list[Any], output: Output) -> None:
    dicts = [as_dict(row) for row in rows]
    stream = output.stdout
    if output.structured:
        write_structured(dicts, output.format, stream, bom=output.bom)
        return
    if output.format == "plain":
        for index, row in enumerate(dicts):
            if index:
                stream.write("\n")
            for label, text in inspection_lines(row):
                stream.write(f"{label}\t{text}\n")
        return
    from rich.table import Table
    from rich.text import Text

    out = console(not output.color, stream, force=output.color)
    for row in dicts:
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for label, text in inspection_lines(row):
            table.add_row(label, Text(text, style="red" if label == "error" and output.color else None))
        out.print(table)
        out.print()



def draw_rows(dicts: list[dict], view: str, output: Output, *, single_report: bool = False,
              headers: dict | None = None) -> None:
    """Rows as a table or plain text with a view's columns; the report column is hidden only in
    a terminal table when the index holds a single report."""
    spec = VIEWS[view]
    if spec.prepare:
        dicts = spec.prepare(dicts)
    columns = [c._replace(header=(headers or {}).get(c.key, c.header)) for c in spec.columns
               if not (c.report and single_report and output.format == "table")]
    emit(dicts, output.format, columns, no_color=not output.color, highlight_key=spec.highlight,
         stream=output.stdout, force_color=output.color)


# ---------------------------------------------------------------- charts (--chart)

class Bar(Record):
    """One bar of a chart: its label (a year, else a report id), its length's value, the text at
    its end, and optionally a mark (a target) drawn on the same scale and a status."""

    label: str
    value: float
    text: str
    mark: float | None = None
    status: str | None = None


_STATUS_STYLES = {"met": "green", "missed": "red", "unknown": "yellow"}
CHART_BAR_MAX = 60  # cells: longer bars read no better


def emit_chart(groups: list[tuple[str, list[Bar]]], output: Output) -> None:
    """Horizontal bar charts, one per group (an indicator, a term), bar lengths in proportion to
    the values on one scale per group. On a terminal: Rich, block bars, colour when colour is on;
    in a pipe: the same chart in plain characters (# bars, | the target's mark)."""
    from rich.cells import cell_len
    from rich.text import Text

    terminal = output.format == "table"
    out = console(not output.color, output.stdout, force=output.color)
    full, mark_char = ("█", "┃") if terminal else ("#", "|")
    for number, (title, bars) in enumerate(groups):
        if number:
            out.print()
        out.print(Text(title, style="bold" if output.color else None))
        label_width = max(cell_len(bar.label) for bar in bars)
        text_width = max(cell_len(_bar_tail(bar)) for bar in bars)
        room = max(10, min(CHART_BAR_MAX, out.width - label_width - text_width - 3))
        top = max([abs(bar.value) for bar in bars] + [abs(bar.mark) for bar in bars if bar.mark is not None]) or 1
        for bar in bars:
            length = round(room * abs(bar.value) / top)
            line = Text(bar.label + " " * (label_width - cell_len(bar.label)) + " ")
            cells = [full] * length + [" "] * (room - length)
            if bar.mark is not None:
                at = min(room - 1, max(0, round(room * abs(bar.mark) / top) - 1))
                cells[at] = mark_char
            colour = None
            if output.color:
                colour = _STATUS_STYLES.get(bar.status or "", "red" if bar.value < 0 else "cyan")
            line.append("".join(cells).rstrip() if bar.mark is None else "".join(cells), style=colour)
            line.append(" " + _bar_tail(bar))
            out.print(line, no_wrap=True, overflow="crop", crop=False)


def _bar_tail(bar: Bar) -> str:
    return bar.text + (f"  {bar.status}" if bar.status else "")


def bar_label(row: dict) -> str:
    return str(row["year"]) if row.get("year") is not None else str(row["report"])


def trend_chart(points: list[Any]) -> list[tuple[str, list[Bar]]]:
    rows = [as_dict(point) for point in points if point.value is not None]
    if not rows:
        return []
    unit = rows[0]["unit"]
    title = f"{rows[0]['indicator']}" + (f" ({unit})" if unit else "")
    # a fall is a bar to the left of none, its text a minus: 下降2.1% is -2.1%
    return [(title, [Bar(label=bar_label(row), value=row["signed"],
                         text=row["raw"] if row["signed"] == row["value"] else f"-{row['raw']}") for row in rows])]


def count_chart(rows: list[Any], year_of: dict[str, int | None]) -> list[tuple[str, list[Bar]]]:
    groups: dict[str, list[Bar]] = {}
    for row in map(as_dict, rows):
        label = str(year_of.get(row["report"])) if year_of.get(row["report"]) is not None else row["report"]
        groups.setdefault(row["term"], []).append(Bar(label=label, value=row["count"], text=str(row["count"])))
    return list(groups.items())


def check_chart(goals: list[Any]) -> list[tuple[str, list[Bar]]]:
    """goals --check: the outcome's bar with the target marked on it, and the status."""
    groups: dict[str, list[Bar]] = {}
    for row in map(as_dict, goals):
        if row["value"] is None:
            continue
        outcome = row["outcome"]
        target = target_cell(row)
        text = f"{outcome['raw']} (target {target})" if outcome else f"no outcome (target {target})"
        groups.setdefault(row["indicator"] + (f" ({row['unit']})" if row["unit"] else ""), []).append(Bar(
            label=bar_label(row), value=outcome["value"] if outcome else 0, text=text, mark=row["value"],
            status=row["status"]))
    return list(groups.items())


def emit_year_counts(rows: list[Any], output: Output) -> None:
    """count --by year for people: a row per year, a column per term (the table journalists publish)."""
    dicts = [as_dict(row) for row in rows]
    terms = list(dict.fromkeys(row["term"] for row in dicts))
    table: dict[Any, dict] = {}
    for row in dicts:
        table.setdefault(row["year"], {"year": cell(row["year"])})[row["term"]] = row["count"]
    lines = [{"year": values["year"], **{term: values.get(term, 0) for term in terms}} for values in table.values()]
    columns = [Column("year", "year", no_wrap=True)] + [Column(term, term, justify="right", no_wrap=True)
                                                        for term in terms]
    if output.format != "table":  # a pipe: a header line, then tab-separated rows
        output.stdout.write("\t".join(["year", *terms]) + "\n")
    emit(lines, output.format, columns, no_color=not output.color, highlight_key=None, stream=output.stdout,
         force_color=output.color)

