"""The one output layer: results → table (Rich), plain text (pipes), json, jsonl or csv.

Only this module imports rich, and only when a table, tree or progress bar is drawn, so
--json and piped output never pay for it.
"""
from __future__ import annotations

import sys
from dataclasses import asdict, is_dataclass
from typing import Any, NamedTuple, TextIO

FORMATS = ("table", "json", "jsonl", "csv")


class Column(NamedTuple):
    """One column of a table (and of plain output): which field, its header, its layout."""

    key: str
    header: str
    justify: str = "left"
    no_wrap: bool = False
    ratio: int | None = None  # share of spare width for wide text columns
    style: str | None = None
    number: bool = False  # show with thousands separators
    innermost: bool = False  # a section path shown by its innermost heading only


def as_dict(row: Any) -> dict:
    return asdict(row) if is_dataclass(row) else dict(row)


def choose_format(requested: str | None, as_json: bool, stream: TextIO) -> str:
    """--json wins; otherwise the requested format; otherwise a table on a terminal, plain text on a pipe."""
    if as_json:
        return "json"
    if requested:
        return requested
    return "table" if stream.isatty() else "plain"


def cell(value: Any, number: bool = False) -> str:
    import json

    if value is None:
        return ""
    if number and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def utf8(stream: TextIO) -> TextIO:
    """JSON and CSV are UTF-8 whatever the locale (a GB18030 or PYTHONIOENCODING setting would
    otherwise hand scripts bytes that are not valid UTF-8)."""
    if (getattr(stream, "encoding", "utf-8") or "").lower().replace("-", "") != "utf8" and hasattr(stream, "reconfigure"):
        try:
            stream.flush()
            stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError, AttributeError):
            pass
    return stream


def write_structured(rows: list[dict], fmt: str, stream: TextIO, bom: bool = False) -> None:
    import json

    stream = utf8(stream)
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        if not rows:
            return
        import csv

        if bom:
            stream.write("\ufeff")  # Excel reads UTF-8 CSV correctly only with a byte-order mark
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict))
                             else ("" if value is None else value) for key, value in row.items()})
    else:  # pragma: no cover - guarded by the CLI's choices
        raise ValueError(fmt)


def console(no_color: bool, stream: TextIO | None = None):  # -> rich.console.Console
    from rich.console import Console

    # Rich itself honours NO_COLOR and drops colour when the stream is not a terminal.
    return Console(file=stream or sys.stdout, no_color=no_color or None, highlight=False,
                   soft_wrap=False)


def emit(rows: list[Any], fmt: str, columns: list[Column], *, no_color: bool = False,
         title: str | None = None, highlight_key: str | None = None, stream: TextIO | None = None,
         bom: bool = False) -> None:
    """Write rows in the chosen format. `highlight_key` names a text column whose row also
    carries `matches` spans to highlight (search)."""
    stream = stream or sys.stdout
    dicts = [as_dict(row) for row in rows]
    if fmt in FORMATS and fmt != "table":
        write_structured(dicts, fmt, stream, bom=bom)
        return
    if fmt == "plain":
        for row in dicts:
            stream.write("\t".join(cell(row[c.key]).replace("\n", " ").replace("\t", " ") for c in columns) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for column in columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap, ratio=column.ratio,
                         style=column.style, overflow="fold")
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
    console(no_color, stream).print(table)


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


def emit_outline(entries: list[Any], fmt: str, *, no_color: bool = False, stream: TextIO | None = None) -> None:
    """The section tree: a Rich tree on a terminal, indented text on a pipe, rows otherwise."""
    stream = stream or sys.stdout
    dicts = [as_dict(entry) for entry in entries]
    if fmt in FORMATS and fmt != "table":
        write_structured(dicts, fmt, stream)
        return
    if fmt == "plain":
        for row in dicts:
            stream.write(f"{'  ' * (row['level'] - 1)}{row['label']}\t{row['number']}\t¶{cell(row['paragraph'])}\n")
        return
    from rich.tree import Tree

    out = console(no_color, stream)
    for report in dict.fromkeys(row["report"] for row in dicts):
        tree = Tree(f"[bold]{report}[/bold]")
        stack: list[tuple[int, Any]] = [(0, tree)]
        for row in (r for r in dicts if r["report"] == report):
            while stack[-1][0] >= row["level"]:
                stack.pop()
            where = f" ¶{row['paragraph']}" if row["paragraph"] else ""
            label = f"[dim]{row['number']}[/dim] {_escape(row['label'])}[dim]{where}[/dim]"
            stack.append((row["level"], stack[-1][1].add(label)))
        out.print(tree)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def error(message: str) -> None:
    sys.stderr.write(f"reportcli: error: {message}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"reportcli: warning: {message}\n")


def note(message: str) -> None:
    sys.stderr.write(f"reportcli: {message}\n")
    sys.stderr.flush()


class BuildProgress:
    """A Rich progress bar on stderr while a build runs (drawn only on a terminal)."""

    def __init__(self, total: int, description: str = "indexing") -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from rich.console import Console

        err = Console(file=sys.stderr)
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
        self._task = self._progress.add_task(description, total=total)
        self._verb = description

    def __enter__(self) -> "BuildProgress":
        self._progress.start()
        return self

    def advance(self, label: str) -> None:
        self._progress.update(self._task, advance=1, description=f"{self._verb} {label}")

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()


def glossary_display(definitions: list[Any]) -> list[dict]:
    """Definitions with the cells a reader wants: the first line, and where the term is used."""
    shown = []
    for definition in definitions:
        row = as_dict(definition)
        first = row["definition"].split("\n", 1)[0]
        row["summary"] = first if len(first) <= 60 else first[:60] + "…"
        row["used"] = len(row["mentions"])
        places = [f"¶{pid} {path.split(' > ')[-1]}" for pid, path in zip(row["mentions"], row["mention_sections"])]
        count = len(places)
        row["used_in"] = "not used in the body" if not count else (
            f"{count} paragraph{'s' * (count != 1)}:\n" + "\n".join(places[:5])
            + (f"\n… and {count - 5} more" if count > 5 else ""))
        shown.append(row)
    return shown


def goal_display(goals: list[Any]) -> list[dict]:
    """Goals with their table cells: headline/other, the target as written with its sign, ↑↓, the outcome."""
    shown = []
    for goal in goals:
        row = as_dict(goal)
        row.update(group="headline" if row["main"] else "other", target=target_cell(row), trend=direction_cell(row),
                   result=outcome_cell(row))
        shown.append(row)
    return shown


_COMPARATOR_SIGNS = {"about": "≈", ">=": "≥", "<=": "≤", "=": "="}


def target_cell(goal: dict) -> str:
    """A goal's target as people write it: ≈ 3%, ≥ 70%, 6–6.5%; the text for a qualitative one."""
    if goal["value"] is None:
        return "(qualitative)"
    raw = goal["raw"]
    if goal["comparator"] == "range":
        return raw.replace("%-", "–").replace("-", "–").replace("至", "–")
    sign = _COMPARATOR_SIGNS.get(goal["comparator"] or "=", "=")
    import re

    from reportcli.text import fold

    qualifier = re.search(r"(以上|以内|以下|左右|之内|内|余|多)$", fold(raw))  # 以內 folds to 以内
    return f"{sign} {raw[:qualifier.start()] if qualifier else raw}"


def direction_cell(goal: dict) -> str:
    return {"up": "↑", "down": "↓"}.get(goal["direction"] or "", "")


def outcome_cell(goal: dict) -> str:
    outcome = goal.get("outcome")
    if not outcome:
        return "no outcome found" if goal.get("status") == "unknown" else ""
    return f"{outcome['raw']} ({outcome['report']} ¶{outcome['paragraph']})"


def emit_trend(points: list[Any], *, no_color: bool = False, stream: TextIO | None = None) -> None:
    """An indicator across years: a table with a bar per year (Rich)."""
    from rich.table import Table
    from rich.text import Text

    rows = [as_dict(point) for point in points]
    values = [row["value"] for row in rows if isinstance(row["value"], (int, float))]
    top = max((abs(v) for v in values), default=0) or 1
    unit = rows[0]["unit"] if rows else ""
    table = Table(title=f"{rows[0]['indicator']} ({unit})" if rows else None, header_style="bold")
    for header, justify in (("year", "left"), ("report", "left"), ("as written", "left"), ("value", "right"),
                            ("", "left")):
        table.add_column(header, justify=justify, no_wrap=True)
    for row in rows:
        width = round(28 * abs(row["value"]) / top) if isinstance(row["value"], (int, float)) else 0
        table.add_row(cell(row["year"]), row["report"], row["raw"], cell(row["value"], True),
                      Text("█" * max(width, 1), style=None if no_color else "cyan"))
    console(no_color, stream or sys.stdout).print(table)


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


def emit_inspection(rows: list[Any], fmt: str, *, no_color: bool = False, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    dicts = [as_dict(row) for row in rows]
    if fmt in FORMATS and fmt != "table":
        if fmt == "csv":  # nested fields: one row per file with the scalars, the rest as JSON cells
            write_structured([{key: value for key, value in row.items()} for row in dicts], fmt, stream)
        else:
            write_structured(dicts, fmt, stream)
        return
    if fmt == "plain":
        for index, row in enumerate(dicts):
            if index:
                stream.write("\n")
            for label, text in inspection_lines(row):
                stream.write(f"{label}\t{text}\n")
        return
    from rich.table import Table
    from rich.text import Text

    out = console(no_color, stream)
    for row in dicts:
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for label, text in inspection_lines(row):
            table.add_row(label, Text(text, style="red" if label == "error" and not no_color else None))
        out.print(table)
        out.print()
