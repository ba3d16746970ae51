"""Datasets: one report a row, as corpora are published and downloaded — JSON Lines (.jsonl,
.ndjson), a JSON array of objects (.json), CSV and TSV (from Excel: a BOM and CRLF; from pandas;
UTF-8 or GB18030; quoted cells over several lines; cells of any length).

A dataset is read twice, both times as a stream, so memory stays bounded whatever its size:
`scan` walks the whole file once in the building process and notes each row's place (byte span
and line), id and fingerprint, and what is wrong with the bad rows; a worker then reads one row
back from its byte span (`read_row`) and parses it. The fingerprint (SHA-256 of the row's text
and metadata) lets `add` skip a row that is already indexed unchanged without parsing it.

`row_fields` maps a row's columns to the text and metadata reportcli uses; it is pure.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportcli.errors import InputError, UsageError
from reportcli.parse.limits import MAX_TEXT_CHARACTERS

DATASET_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".tsv"}
# Where a row's text is, first present wins (--text-field names another column).
TEXT_FIELDS = ("content", "text", "full_text", "body", "正文")
# Metadata columns, each with the names corpora give it (first present wins).
COLUMNS = {
    "id": ("id",),
    "title": ("title", "标题"),
    "year": ("year", "年份"),
    "city": ("city", "城市"),
    "province": ("province", "省份"),
    "region": ("region", "地区"),
    "level": ("level", "级别"),
    "date": ("date", "日期"),
    "source": ("url", "source_url", "source", "link", "链接"),
    "published": ("publish_date", "published", "发布日期"),
}
LEVEL_WORDS = {
    "national": "national", "全国": "national", "国家": "national", "中央": "national", "国家级": "national",
    "province": "province", "省": "province", "省级": "province", "自治区": "province",
    "city": "city", "市": "city", "市级": "city", "地级市": "city", "地市": "city", "prefecture": "city",
    "county": "county", "县": "county", "区": "county", "县级": "county", "区县": "county", "district": "county",
}
# A cell larger than this is no report text (the csv module's default limit is 131,072
# characters; whole reports run to a few hundred thousand, books of them to a few million).
MAX_CELL_CHARACTERS = 20_000_000
_SNIFF_BYTES = 1 << 16
_CHUNK_CHARACTERS = 1 << 20


@dataclass(frozen=True)
class RowRef:
    """Where one row of a dataset is, and what `add` needs to know before parsing it."""

    line: int  # the line of the file where the row's record starts (1-based)
    start: int  # byte span of the record in the file
    end: int
    id: str
    fingerprint: str  # SHA-256 of the row's text and metadata
    columns: tuple[str, ...] = ()  # the CSV/TSV header (a record alone has no names)
    derived: bool = False  # the id is derived_id's (the row has no id column)


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass(frozen=True)
class RowFields:
    text: str
    metadata: dict  # reportcli's field name → value (title, region, level, year, date, source, published)
    given: dict  # reportcli's field name → the column it came from
    id: str | None  # the row's own id column
    problems: tuple[str, ...] = ()  # columns present but unusable (a date not a date): warnings, not refusals


def is_dataset(path: Path) -> bool:
    return path.suffix.lower() in DATASET_SUFFIXES


def dataset_format(path: Path) -> str:
    suffix = path.suffix.lower()
    return {".ndjson": "jsonl", ".tsv": "tsv"}.get(suffix, suffix.lstrip("."))


# ------------------------------------------------------------------ one row's columns (pure)

def row_fields(row: dict, text_field: str | None = None) -> RowFields:
    """The text and metadata of one row; InputError (a bad row) for no text or a year that is
    not a year. Keys are matched without case and surrounding spaces (`Title`, ` year`)."""
    columns = {str(key).strip().lower(): key for key in row}

    def cell(names: tuple[str, ...]) -> tuple[str | None, object]:
        for name in names:
            key = columns.get(name.lower())
            if key is not None and not _is_blank(row[key]):
                return str(key), row[key]
        return None, None

    if text_field:
        key = columns.get(text_field.strip().lower())
        text = row.get(key) if key is not None else None
        text_column = text_field
    else:
        text_column, text = cell(TEXT_FIELDS)
    if isinstance(text, str) and len(text) > MAX_TEXT_CHARACTERS:
        raise InputError(f"the text runs to {len(text):,} characters: more than one report "
                         f"(at most {MAX_TEXT_CHARACTERS:,})")
    if not isinstance(text, str) or not text.strip():
        wanted = text_field or "/".join(TEXT_FIELDS)
        raise InputError(f"no report text (no {wanted} column with text)" if text is None or isinstance(text, str)
                         else f"the {text_column} column is not text")
    metadata: dict = {}
    given: dict = {}
    problems: list[str] = []
    for name in ("title", "source"):
        column, value = cell(COLUMNS[name])
        if column:
            metadata[name], given[name] = str(value).strip(), column
    column, value = cell(COLUMNS["year"])
    if column:
        year = read_year(value)
        if year is None:
            raise InputError(f"`{column}` is not a year: {str(value)[:40]!r}")
        metadata["year"], given["year"] = year, column
    for name in ("date", "published"):
        column, value = cell(COLUMNS[name])
        if column:
            date = read_date(value)
            if date:
                metadata[name], given[name] = date, column
            else:
                problems.append(f"`{column}` is not a date ({str(value)[:40]!r}); ignored")
    # The smallest unit named is the report's region: a city column beside a province column
    # means a city's report.
    for name, level in (("city", "city"), ("region", None), ("province", "province")):
        column, value = cell(COLUMNS[name])
        if column and str(value).strip() in _SCOPE_WORDS:
            continue  # 全省, 全市: the report's own region, which its title or text names
        if column:
            metadata["region"], given["region"] = str(value).strip(), column
            if level:
                metadata["level"], given["level"] = level, column
            break
    column, value = cell(COLUMNS["level"])
    if column:
        level = LEVEL_WORDS.get(str(value).strip().lower())
        if level:
            metadata["level"], given["level"] = level, column
        else:
            problems.append(f"`{column}` is not a level ({str(value)[:40]!r}: national, province, city or "
                            "county); ignored")
    column, value = cell(COLUMNS["id"])
    row_id = _clean_id(value) if column else None
    return RowFields(text=text, metadata=metadata, given=given, id=row_id, problems=tuple(problems))


def fingerprint(fields: RowFields) -> str:
    """SHA-256 of what the index would hold from the row: its text and metadata."""
    digest = hashlib.sha256(fields.text.encode("utf-8", "surrogatepass"))
    digest.update(json.dumps(fields.metadata, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


_SCOPE_WORDS = {"全省", "全市", "全区", "全县", "全旗", "全州", "全盟", "本省", "本市", "本区", "本县", "我省", "我市", "我区",
                "我县"}
_YEAR = re.compile(r"^\s*((?:19|20|21)\d{2})(?:\.0+)?\s*(?:年(?:度)?)?\s*$")


def read_year(value: object) -> int | None:
    """2025, "2025", "2025年", 2025.0 (pandas writes a float column so) → 2025; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    match = _YEAR.match(str(value))
    return int(match.group(1)) if match else None


_DATE = re.compile(r"^\s*((?:19|20|21)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
                   r"(?:[T\s].*)?$")


def read_date(value: object) -> str | None:
    """2025-03-05, 2025/3/5, 2025.03.05, 2025年3月5日, 2025-03-05 10:00:00 → "2025-03-05"."""
    match = _DATE.match(str(value))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def derived_id(stem: str, record: int) -> str:
    """The id of a row without an id column: the file stem and the record's number among the
    file's data rows, from 1 (reports.jsonl's third row → reports-3): the same on every rebuild
    of the same file."""
    return f"{stem}-{record}"


def _clean_id(value: object) -> str | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or \
        (isinstance(value, float) and value != value)  # NaN


# ------------------------------------------------------------------ reading a file (I/O)

def scan(path: Path, text_field: str | None = None) -> Iterator[RowRef | BadRow]:
    """Every row of the dataset at `path`, in file order: a RowRef, or a BadRow saying why it
    cannot be indexed. Ids are the rows' own, else derived (derived_id); a repeated id is a bad row."""
    kind = dataset_format(path)
    records = {"jsonl": _jsonl_records, "json": _json_records}.get(kind, _csv_records)
    seen: dict[str, int] = {}
    number = 0
    for line, start, end, row, columns in records(path, kind, text_field):
        number += 1
        if isinstance(row, str):  # why the record could not be read
            yield BadRow(line, row)
            continue
        try:
            fields = row_fields(row, text_field)
        except InputError as exc:
            yield BadRow(line, str(exc))
            continue
        report_id = fields.id or derived_id(path.stem, number)
        if report_id in seen:
            yield BadRow(line, f"the id {report_id!r} is given twice (first on line {seen[report_id]})")
            continue
        seen[report_id] = line
        yield RowRef(line=line, start=start, end=end, id=report_id, fingerprint=fingerprint(fields), columns=columns,
                     derived=fields.id is None)


def read_row(path: Path, ref: RowRef) -> dict:
    """One row read back from its byte span (in a worker process)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(ref.start)
            data = handle.read(ref.end - ref.start)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    kind = dataset_format(path)
    if kind in ("jsonl", "json"):
        return json.loads(data.decode("utf-8-sig"))
    encoding = _text_encoding(path)
    text = data.decode(encoding)
    delimiter = "\t" if kind == "tsv" else ","
    _allow_long_cells()
    values = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return dict(zip(ref.columns, values))


def _jsonl_records(path: Path, _kind: str, _text_field: str | None):
    """(line, start, end, object or why not, ()) for each non-blank line."""
    with _open_binary(path) as handle:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            start, offset = offset, offset + len(raw)
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw, start = raw[3:], start + 3
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield number, start, offset, "not UTF-8 (JSON Lines are UTF-8)", ()
                continue
            except ValueError as exc:
                yield number, start, offset, f"not valid JSON ({_json_reason(exc)})", ()
                continue
            yield number, start, offset, row if isinstance(row, dict) else _not_an_object(row), ()


def _json_records(path: Path, _kind: str, _text_field: str | None):
    """(line, start, end, object or why not, ()) for each element of a top-level JSON array,
    decoded a chunk at a time (raw_decode) so that a large file is never held whole."""
    decoder = json.JSONDecoder()
    with _open_binary(path) as handle:
        bom = handle.read(3) == codecs.BOM_UTF8
        handle.seek(3 if bom else 0)
        reader = codecs.getincrementaldecoder("utf-8")()
        buffer, buffer_bytes, line = "", 3 if bom else 0, 1  # buffer_bytes: file offset of buffer[0]
        eof = False

        def fill() -> bool:
            nonlocal buffer, eof
            if eof or len(buffer) > 2 * MAX_CELL_CHARACTERS:
                return False
            data = handle.read(_CHUNK_CHARACTERS)
            try:
                buffer += reader.decode(data, final=not data)
            except UnicodeDecodeError:
                raise InputError(f"{path}: not UTF-8 (JSON files are UTF-8)") from None
            eof = not data
            return True

        def skip(consumed: int) -> None:
            nonlocal buffer, buffer_bytes, line
            gone = buffer[:consumed]
            buffer_bytes += len(gone.encode("utf-8", "surrogatepass"))
            line += gone.count("\n")
            buffer = buffer[consumed:]

        def skip_space() -> None:
            while True:
                skip(len(buffer) - len(buffer.lstrip()))
                if buffer or not fill():
                    return

        skip_space()
        if not buffer.startswith("["):
            raise InputError(f"{path}: not a dataset: a .json dataset is an array of report objects "
                             "([{\"title\": …, \"content\": …}, …]); JSON Lines go in a .jsonl file")
        skip(1)
        while True:
            skip_space()
            if not buffer:
                raise InputError(f"{path}:{line}: the JSON array is cut short (no closing ])")
            if buffer.startswith("]"):
                return
            if buffer.startswith(","):
                skip(1)
                continue
            while True:
                try:
                    row, end = decoder.raw_decode(buffer)
                    break
                except ValueError as exc:
                    if not fill():
                        raise InputError(f"{path}:{line}: not valid JSON ({_json_reason(exc)}); "
                                         "the rows after it cannot be found") from None
            start_line, start = line, buffer_bytes
            skip(end)
            yield start_line, start, buffer_bytes, row if isinstance(row, dict) else _not_an_object(row), ()


def _csv_records(path: Path, kind: str, text_field: str | None):
    """(line, start, end, row dict or why not, header) for each data row of a CSV or TSV file."""
    encoding = _text_encoding(path)
    delimiter = "\t" if kind == "tsv" else ","
    _allow_long_cells()
    with _open_binary(path) as handle:
        lines = _LineSource(handle, encoding)
        reader = csv.reader(lines, delimiter=delimiter)
        try:
            header = tuple(name.strip() for name in next(reader))
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{path}:1: the header row cannot be read ({exc})") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}:1: not {encoding}") from None
        if text_field and text_field.strip().lower() not in {name.lower() for name in header}:
            raise UsageError(f"{path}: no column {text_field!r} for --text-field (columns: {', '.join(header)})")
        while True:
            start, line = lines.offset, lines.line + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                reason = str(exc)
                if "field larger" in reason:
                    reason = f"a cell longer than {MAX_CELL_CHARACTERS:,} characters"
                raise InputError(f"{path}:{line}: {reason}; the rows after it cannot be found") from None
            except UnicodeDecodeError:
                yield line, start, lines.offset, f"not {encoding} like the rest of the file", header
                continue
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(header):
                yield line, start, lines.offset, (f"{len(values)} cells where the header has {len(header)} "
                                                  "(a quote left open or a stray delimiter?)"), header
                continue
            yield line, start, lines.offset, dict(zip(header, values)), header


class _LineSource:
    """The lines of a binary file as text for csv.reader, keeping the byte offset and line
    number of the next line, so each record's span is known."""

    def __init__(self, handle, encoding: str) -> None:
        self.handle, self.encoding = handle, encoding
        self.offset = self.line = 0
        if encoding == "utf-8-sig":
            self.offset = 3 if handle.read(3) == codecs.BOM_UTF8 else 0
            handle.seek(self.offset)
            self.encoding = "utf-8"

    def __iter__(self):
        return self

    def __next__(self) -> str:
        raw = self.handle.readline()
        if not raw:
            raise StopIteration
        self.offset += len(raw)
        self.line += 1
        return raw.decode(self.encoding)


def _text_encoding(path: Path) -> str:
    """UTF-8 (with or without a BOM) when the file's start reads as UTF-8, else GB18030."""
    with _open_binary(path) as handle:
        head = handle.read(_SNIFF_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: a UTF-16 file; save the dataset as UTF-8 (or GB18030)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(head, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise InputError(f"{path}: neither UTF-8 nor GB18030 text") from None


def _open_binary(path: Path):
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _allow_long_cells() -> None:
    if csv.field_size_limit() < MAX_CELL_CHARACTERS:
        csv.field_size_limit(MAX_CELL_CHARACTERS)


def _json_reason(exc: ValueError) -> str:
    message = getattr(exc, "msg", None) or str(exc)
    return message[:1].lower() + message[1:]


def _not_an_object(value: object) -> str:
    kind = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}.get(type(value), "a number")
    return f"{kind}, not an object of columns ({{\"title\": …, \"content\": …}})"
