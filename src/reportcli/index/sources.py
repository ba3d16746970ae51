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
from reportcli.parse import Decoded, parse_report, read_document
from reportcli.resources import toml_module

# Files a folder walk picks up (.doc and .wps only to say how to convert them).
REPORT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".doc", ".wps"}
OVERRIDABLE = {"title", "region", "level", "year", "date", "meeting", "office", "speaker",
               "publisher", "published"}


@dataclass(frozen=True)
class SourceFile:
    path: Path
    id: str
    display: str  # the file as recorded in the index
    overrides: dict  # metadata from reports.toml; `source` is the URL


@dataclass(frozen=True)
class LoadedReport:
    id: str
    report: Report
    sha256: str
    file: str
    source: str | None
    format: str = "text"
    word_counts: Counter = field(default_factory=Counter)  # jieba word → paragraphs containing it
    # What the index derives from the text, computed where the report is parsed (a build's
    # worker processes), so that the process writing the index does little more than write.
    # (Pinyin keys stay with the writer: pypinyin takes 0.4 s to load, once there.)
    grams: tuple[str, ...] = ()  # per paragraph: its search tokens, space-separated (text.gram_tokens)
    concepts: tuple = ()  # the glossary's concepts (parse.concepts.from_glossary)


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


def discover(paths: list[Path], display_root: Path | None = None) -> list[SourceFile]:
    """Report files under the given files and folders, in a stable order. A file named on the
    command line is read whatever its suffix and even through a link."""
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
    sources, seen = [], set()
    toml_cache: dict[Path, dict[str, dict]] = {}
    for file in files:
        folder = file.parent
        if folder not in toml_cache:
            toml_cache[folder] = read_reports_toml(folder)
        entry = toml_cache[folder].get(file.name, {})
        report_id = str(entry.get("id") or file.stem)
        if report_id in seen:
            raise UsageError(f"two files give the report id {report_id!r}: set distinct ids in reports.toml")
        seen.add(report_id)
        display = file.relative_to(display_root).as_posix() if display_root else file.as_posix()
        sources.append(SourceFile(path=file, id=report_id, display=display, overrides=entry))
    return sources


def read(source: SourceFile) -> tuple[bytes, Decoded, Report]:
    """Read, decode and parse one file, with reports.toml applied; InputError names the file."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source.path}: {exc.strerror or exc}") from None
    try:
        decoded = read_document(data, source.path.name)
    except InputError as exc:
        raise InputError(f"{source.path}: {exc}") from None
    report = parse_report(decoded.text)
    overrides = {k: v for k, v in source.overrides.items() if k in OVERRIDABLE}
    if overrides:
        provenance = dict(report.provenance)
        provenance.update({name: "reports.toml" for name in overrides})
        report = report._replace(metadata=report.metadata._replace(**overrides),
                         provenance=tuple(sorted(provenance.items())),
                         inferred=tuple(name for name in report.inferred if name not in overrides))
    return data, decoded, report


def load(source: SourceFile) -> LoadedReport:
    """A file read and parsed, with what the index needs beside the report (vocabulary counts)."""
    data, decoded, report = read(source)
    from reportcli.index.vocab import document_frequencies
    from reportcli.parse.concepts import from_glossary
    from reportcli.text import fold, gram_tokens

    folded = [fold(p.text) for p in report.paragraphs]
    return LoadedReport(id=source.id, report=report, sha256=hashlib.sha256(data).hexdigest(),
                        file=source.display, source=source.overrides.get("source"), format=decoded.format,
                        word_counts=document_frequencies(folded),
                        grams=tuple(" ".join(gram_tokens(text)) for text in folded),
                        concepts=tuple(from_glossary(list(report.terms))))
