"""Finding report files and their reports.toml overrides, and reading them (the I/O side of a build)."""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reportcli.errors import InputError, UsageError
from reportcli.models import Report
from reportcli.index.datasets import (DATASET_SUFFIXES, BadRow, RowRef, dataset_format, is_dataset, read_row,
                                     row_fields, scan)
from reportcli.parse import Decoded, parse_report, read_document
from reportcli.parse.limits import MAX_TEXT_BYTES
from reportcli.resources import toml_module

# Files a folder walk picks up (.doc and .wps only to say how to convert them).
REPORT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".doc", ".wps",
                   *DATASET_SUFFIXES}
# A PDF with its images may be large; past this a file is not one report (parse.decode limits text).
MAX_FILE_BYTES = 256 << 20
OVERRIDABLE = {"title", "region", "level", "year", "date", "meeting", "office", "speaker",
               "publisher", "published"}


@dataclass(frozen=True)
class SourceFile:
    """One report to read: a file, or one row of a dataset file (`row` says where)."""

    path: Path
    id: str
    display: str  # the file as recorded in the index
    overrides: dict  # metadata from reports.toml; `source` is the URL
    row: RowRef | None = None
    text_field: str | None = None  # --text-field for a dataset row

    @property
    def where(self) -> str:
        """The file, and for a dataset row its line: how messages name it."""
        return f"{self.display}:{self.row.line}" if self.row else self.display

    @property
    def line(self) -> int | None:
        return self.row.line if self.row else None


@dataclass(frozen=True)
class Discovery:
    """The reports found under some paths, and the dataset rows that cannot be indexed."""

    sources: list[SourceFile]
    skipped: list[str]  # "FILE:LINE: why"


@dataclass(frozen=True)
class LoadedReport:
    id: str
    report: Report
    sha256: str
    file: str
    source: str | None
    format: str = "text"
    line: int | None = None  # a dataset row's line in its file
    fingerprint: str | None = None  # SHA-256 of text and metadata: `add` skips a report whose is unchanged
    word_counts: Counter = field(default_factory=Counter)  # jieba word → paragraphs containing it
    # What the index derives from the text, computed where the report is parsed (a build's
    # worker processes), so that the process writing the index does little more than write.
    # (Pinyin keys stay with the writer: pypinyin takes 0.4 s to load, once there.)
    grams: tuple[str, ...] = ()  # per paragraph: its search tokens, space-separated (text.gram_tokens)
    concepts: tuple = ()  # the glossary's concepts (parse.concepts.from_glossary)
    # The text packed (index.packing.Packer.pack_paragraphs): (blocks, each paragraph's place), with the dictionary…
    packed: tuple[list[bytes], list[tuple[int, int, int]]] = ([], [])
    packed_with: str = ""  # …of this id; a writer whose index keeps another dictionary packs again


def _load_toml(path: Path) -> dict:
    tomllib = toml_module()
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed {path}: {exc}") from None


_TEXT_FIELDS = {"id", "file", "source", "title", "region", "date", "meeting", "office", "speaker", "publisher",
                "published"}
LEVELS = ("national", "province", "city", "county")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def read_reports_toml(folder: Path) -> dict[str, dict]:
    """The [[report]] tables of folder/reports.toml, keyed by file name, each field checked."""
    path = folder / "reports.toml"
    if not path.is_file():
        return {}
    data = _load_toml(path)
    tables = data.get("report", [])
    if not isinstance(tables, list):
        raise InputError(f"{path}: `report` must be an array of tables ([[report]])")
    entries = {}
    for number, entry in enumerate(tables, start=1):
        where = f"{path}: [[report]] number {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not entry["file"].strip():
            raise InputError(f"{where}: every [[report]] needs a `file` (the file name, a string)")
        for key, value in entry.items():
            _check_field(f"{where} ({entry['file']})", key, value)
        if entry["file"] in entries:
            raise InputError(f"{where}: {entry['file']} is described twice")
        entries[entry["file"]] = entry
    return entries


def _check_field(where: str, key: str, value: object) -> None:
    """One reports.toml field: the type and form a report's metadata needs, or a one-line error."""
    if key == "year":
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
            raise InputError(f"{where}: `year` must be a year such as 2021, not {value!r}")
    elif key == "level":
        if value not in LEVELS:
            raise InputError(f"{where}: `level` must be one of {', '.join(LEVELS)}, not {value!r}")
    elif key in _TEXT_FIELDS:
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{where}: `{key}` must be a non-empty string, not {value!r}")
        if key in ("date", "published") and not _ISO_DATE.match(value):
            raise InputError(f"{where}: `{key}` must be a date written YYYY-MM-DD, not {value!r}")
    else:
        known = ", ".join(sorted(_TEXT_FIELDS | {"year", "level"}))
        raise InputError(f"{where}: unknown field `{key}` (known: {known})")


def _report_files(folder: Path) -> list[Path]:
    """Report files under a folder, in a stable order. Links are not followed (like rg and git):
    a link inside a folder could lead anywhere, /etc included."""
    found = []
    for root, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in files:
            path = Path(root) / name
            if path.suffix.lower() in REPORT_SUFFIXES and not name.startswith(".") and not path.is_symlink() \
                    and path.is_file():
                found.append(path)
    return sorted(found)


def discover(paths: list[Path], display_root: Path | None = None, text_field: str | None = None) -> Discovery:
    """Reports under the given files and folders, in a stable order: a file each, a dataset a row
    each. A file named on the command line is read whatever its suffix and even through a link."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(_report_files(path))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise UsageError(f"not a regular file or folder: {path}")
        else:
            raise UsageError(f"no such file or directory: {path}")
    sources: list[SourceFile] = []
    skipped: list[str] = []
    seen: dict[str, str] = {}
    toml_cache: dict[Path, dict[str, dict]] = {}

    def claim(report_id: str, where: str) -> bool:
        if report_id in seen:
            return False
        seen[report_id] = where
        return True

    for file in files:
        display = file.relative_to(display_root).as_posix() if display_root else file.as_posix()
        if is_dataset(file):
            for row in scan(file, text_field):
                where = f"{display}:{row.line}"
                if isinstance(row, BadRow):
                    skipped.append(f"{where}: {row.reason}")
                elif not claim(row.id, where):
                    if row.derived:
                        raise UsageError(f"{display} and {seen[row.id].rsplit(':', 1)[0]} give the same report ids "
                                         f"({row.id}: a row's id is the file name and its number unless the "
                                         "dataset has an id column); rename one of the files")
                    skipped.append(f"{where}: the report id {row.id!r} is already given by {seen[row.id]}")
                else:
                    sources.append(SourceFile(path=file, id=row.id, display=display, overrides={}, row=row,
                                              text_field=text_field))
            continue
        folder = file.parent
        if folder not in toml_cache:
            toml_cache[folder] = read_reports_toml(folder)
        entry = toml_cache[folder].get(file.name, {})
        report_id = str(entry.get("id") or file.stem)
        if not claim(report_id, display):
            raise UsageError(f"two files give the report id {report_id!r} ({seen[report_id]} and {display}): "
                             "set distinct ids in reports.toml")
        sources.append(SourceFile(path=file, id=report_id, display=display, overrides=entry))
    return Discovery(sources=sources, skipped=skipped)


def read(source: SourceFile) -> tuple[bytes, Decoded, Report, str | None]:
    """Read, decode and parse one file or dataset row, with reports.toml or the row's metadata
    applied, and its source URL; InputError names the file (and the row's line)."""
    if source.row is not None:
        return _read_row(source)
    try:
        size = source.path.stat().st_size
        if size > MAX_FILE_BYTES or size > MAX_TEXT_BYTES and not _is_binary_document(source.path):
            # refused before it is read into memory
            limit = MAX_FILE_BYTES if size > MAX_FILE_BYTES else MAX_TEXT_BYTES
            raise InputError(f"{source.path}: {size / 2**20:,.0f} MB is far more than one report (at most "
                             f"{limit >> 20} MB): split it, or make it a dataset (.jsonl/.csv, a report a row)")
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source.path}: {exc.strerror or exc}") from None
    try:
        decoded = read_document(data, source.path.name)
    except InputError as exc:
        raise InputError(f"{source.path}: {exc}") from None
    given = {name: (value, "reports.toml") for name, value in source.overrides.items() if name in OVERRIDABLE}
    return data, decoded, parse_report(decoded.text, given), source.overrides.get("source")


def _read_row(source: SourceFile) -> tuple[bytes, Decoded, Report, str | None]:
    try:
        fields = row_fields(read_row(source.path, source.row), source.text_field)
    except (InputError, ValueError) as exc:  # the file changed since it was scanned
        raise InputError(f"{source.where}: {exc}") from None
    given = {name: (value, f"dataset: column {fields.given[name]}") for name, value in fields.metadata.items()
             if name in OVERRIDABLE}
    report = parse_report(fields.text, given)
    if fields.problems:
        report = report._replace(warnings=(*report.warnings, *fields.problems))
    data = fields.text.encode("utf-8", "surrogatepass")
    return data, Decoded(fields.text, dataset_format(source.path), "utf-8"), report, fields.metadata.get("source")


def _is_binary_document(path: Path) -> bool:
    """A PDF or a Word file (which may be large with their pictures), by its first bytes."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    return head.startswith(b"PK\x03\x04") or head.lstrip().startswith(b"%PDF-")


def fingerprint_of(source: SourceFile, data: bytes) -> str:
    """What `add` compares to skip an unchanged report: a row's fingerprint (datasets.fingerprint),
    or SHA-256 of a file's bytes and its reports.toml entry."""
    if source.row is not None:
        return source.row.fingerprint
    import json

    digest = hashlib.sha256(data)
    digest.update(json.dumps(source.overrides, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def load(source: SourceFile) -> LoadedReport:
    """A file read and parsed, with what the index needs beside the report (vocabulary counts)."""
    data, decoded, report, url = read(source)
    from reportcli.index.packing import default_packer
    from reportcli.index.vocab import document_frequencies
    from reportcli.parse.concepts import from_glossary
    from reportcli.text import fold, gram_tokens

    folded = [fold(p.text) for p in report.paragraphs]
    packer = default_packer()
    return LoadedReport(id=source.id, report=report, sha256=hashlib.sha256(data).hexdigest(),
                        file=source.display, source=url, format=decoded.format,
                        line=source.line, fingerprint=fingerprint_of(source, data),
                        word_counts=document_frequencies(folded),
                        grams=tuple(" ".join(gram_tokens(text)) for text in folded),
                        concepts=tuple(from_glossary(list(report.terms))),
                        packed=packer.pack_paragraphs([p.text for p in report.paragraphs]), packed_with=packer.id)
