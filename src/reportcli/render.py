"""The output layer: results → json, jsonl or csv here; tables (Rich) and plain text for pipes
in reportcli.views, which builds on this module (never the reverse: the CLI picks one or the other).

`Output` is the environment a command writes to (as httpie's Environment): stdout and stderr,
the chosen format, colour, the CSV byte-order mark. A command hands it rows and the name of a
view; views (columns, display transforms, Rich) are imported only when people, not scripts,
read the output, so --json never pays for them.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv")
COLORS = ("auto", "always", "never")


def as_dict(row: Any) -> dict:
    from reportcli.record import plain

    if isinstance(row, dict):
        return dict(row)
    if hasattr(row, "_asdict") and not isinstance(row, tuple):
        return plain(row)
    from dataclasses import asdict

    return asdict(row)


def _encodable(rows: Iterable[Any]):
    """Each row as a value the JSON encoder takes: a record whose fields are all scalars (a figure,
    a target: most rows) as the dict it holds, not a copy (a panel answer writes tens of
    thousands); a dict as it is; anything else made plain (as_dict)."""
    from reportcli.record import _SCALARS, Record

    scalars = _SCALARS.issuperset
    for row in rows:
        if isinstance(row, Record):
            values = row.__dict__
            yield values if scalars(map(type, values.values())) else as_dict(row)
        else:
            yield row if isinstance(row, dict) else as_dict(row)


# JSON and JSON Lines go to the stream this many rows at a time (a write a row was a twentieth of
# writing a 50,000-row answer); memory stays that of the batch.
WRITTEN_TOGETHER = 256


def choose_format(requested: str | None, as_json: bool, stream: TextIO) -> str:
    """--json wins; otherwise the requested format; otherwise a table on a terminal, plain text on a pipe."""
    if as_json:
        return "json"
    if requested:
        return requested
    return "table" if _isatty(stream) else "plain"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(choice: str, stream: TextIO) -> bool:
    """--color always|never|auto; auto: NO_COLOR (set) turns colour off, FORCE_COLOR (set, not 0)
    on, else colour when the stream is a terminal — as rg and ls do."""
    if choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force != "0":
        return True
    return _isatty(stream)


def cell(value: Any, number: bool = False) -> str:
    if value is None:
        return ""
    if number and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, dict):
        from reportcli.jsoncodec import dumps

        return dumps(value)
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


def write_structured(rows: Iterable[Any], fmt: str, stream: TextIO, bom: bool = False) -> None:
    """Rows (dicts or records) as JSON, JSON Lines or CSV. JSON and JSON Lines are written as
    they come, a few hundred rows at a time, so an answer of 40,000 rows is never one string in
    memory; CSV reads every row for its columns before it writes the header, keeping past
    SPILL_ROWS rows in a temporary file, not memory."""
    from reportcli.jsoncodec import dumps

    stream = utf8(stream)
    if fmt in ("json", "jsonl"):
        # JSON: one element a line, valid JSON that diffs and greps by row, and written by json's
        # C encoder (indent= falls back to the pure-Python one, about five times slower).
        separator, between, written = ("[\n", ",\n", False) if fmt == "json" else ("", "", False)
        batch: list[str] = []
        for value in _encodable(rows):
            batch.append(separator + dumps(value) if fmt == "json" else dumps(value) + "\n")
            separator = between
            if len(batch) >= WRITTEN_TOGETHER:
                stream.write("".join(batch))
                batch.clear()
                written = True
        if batch:
            stream.write("".join(batch))
            written = True
        if fmt == "json":
            stream.write("\n]\n" if written else "[]\n")
    elif fmt == "csv":
        _write_csv((as_dict(row) for row in rows), stream, bom, dumps)
    else:  # pragma: no cover - guarded by the CLI's choices
        raise ValueError(fmt)


# A CSV answer keeps this many rows in memory while it learns its columns; the rest wait in a
# temporary file (goals --check over 20,000 reports: 940,000 rows, ~3 GB as dicts).
SPILL_ROWS = 2_000


def _write_csv(rows: Iterable[dict], stream: TextIO, bom: bool, dumps) -> None:
    """CSV with a column for every key of any row (an object's keys as KEY_SUB columns, _flatten):
    the rows are read once for the columns (the first SPILL_ROWS held, the rest in a temporary
    file: reportcli.spool), then written."""
    import csv

    from reportcli.spool import Spool

    keys: dict[str, None] = {}  # every row's keys, in the order they first appear
    nested: dict[str, list[str]] = {}
    with Spool(SPILL_ROWS, "the CSV's rows", "use --format jsonl") as kept:
        for row in rows:
            keys.update(dict.fromkeys(row))
            _add_nested_keys(nested, row)
            kept.add(row)
        if not len(kept):
            return
        if bom:
            stream.write("\ufeff")  # Excel reads UTF-8 CSV correctly only with a byte-order mark
        fields = [column for key in keys for column in
                  ([f"{key}_{sub}" for sub in nested[key]] if key in nested else [key])]
        writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n", restval="")
        writer.writeheader()
        for row in kept:
            writer.writerow({key: dumps(value) if isinstance(value, (list, dict))
                             else ("" if value is None else value) for key, value in _flatten(row, nested).items()})


def _add_nested_keys(nested: dict[str, list[str]], row: dict) -> None:
    """Fields holding an object in some row (goals --check: outcome) and the object's keys,
    added to `nested` from one more row."""
    for key, value in row.items():
        if isinstance(value, dict):
            known = nested.setdefault(key, [])
            known += [sub for sub in value if sub not in known]


def _flatten(row: dict, nested: dict[str, list[str]]) -> dict:
    """A CSV row: an object becomes columns of its own (outcome_raw, outcome_value …), so the
    region × year panel of targets and outcomes opens in a spreadsheet as it is."""
    flat: dict = {}
    for key, value in row.items():
        if key in nested:
            for sub in nested[key]:
                flat[f"{key}_{sub}"] = value.get(sub) if isinstance(value, dict) else None
        else:
            flat[key] = value
    return flat


class Output:
    """Where and how a command's results go (stdout, stderr, format, colour, BOM)."""

    def __init__(self, *, requested_format: str | None = None, as_json: bool = False, color: str = "auto",
                 bom: bool = False, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.format = choose_format(requested_format, as_json, self.stdout)
        self.chosen = as_json or requested_format is not None  # the format was asked for, not guessed
        self.color = use_color(color, self.stdout)
        self.bom = bom

    @property
    def structured(self) -> bool:
        return self.format in ("json", "jsonl", "csv")

    def empty(self) -> None:
        """No results: `[]` for a script reading JSON (CSV and JSON Lines stay empty)."""
        if self.format == "json":
            utf8(self.stdout).write("[]\n")

    def note(self, message: str) -> None:
        note(message, self.stderr)

    def warn(self, message: str) -> None:
        warn(message, self.stderr)


# Characters that would change a message's layout on a terminal: controls (a newline in a file
# name splits the line, ESC starts a terminal sequence) and bidirectional overrides (U+202E
# reverses what follows). Messages show them escaped, as `\n`, `\u202e`.
_UNSAFE = dict.fromkeys([*range(0x20), *range(0x7f, 0xa0), 0x061c, 0x200e, 0x200f, *range(0x202a, 0x202f),
                         *range(0x2066, 0x206a), 0xfeff])


def safe(message: str) -> str:
    """A message fit for one terminal line: control and bidi characters escaped."""
    if not any(ord(ch) in _UNSAFE for ch in message):
        return message
    return "".join(ch.encode("unicode_escape").decode("ascii") if ord(ch) in _UNSAFE else ch for ch in message)


def error(message: str, stream: TextIO | None = None) -> None:
    (stream or sys.stderr).write(f"reportcli: error: {safe(message)}\n")


def warn(message: str, stream: TextIO | None = None) -> None:
    (stream or sys.stderr).write(f"reportcli: warning: {safe(message)}\n")


def outcome(message: str, stream: TextIO | None = None) -> None:
    """What a build or add did, as its last line on stderr (stdout stays free for data)."""
    (stream or sys.stderr).write(safe(message) + "\n")


def note(message: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    stream.write(f"reportcli: {safe(message)}\n")
    stream.flush()


class BuildProgress:
    """A Rich progress bar on stderr while a build runs (drawn only on a terminal). `phase`
    shows what happens before the first file is done (loading the segmenter takes seconds)."""

    def __init__(self, total: int, description: str = "indexing") -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        err = Console(file=sys.stderr)
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
        self._task = self._progress.add_task(f"{description}: loading the segmenter…", total=total)
        self._verb = description

    def __enter__(self) -> "BuildProgress":
        self._progress.start()
        return self

    def phase(self, text: str) -> None:
        self._progress.update(self._task, description=f"{self._verb}: {text}")

    def advance(self, label: str) -> None:
        self._progress.update(self._task, advance=1, description=f"{self._verb} {label}")

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()

