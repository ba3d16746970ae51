"""Finding report files and their reports.toml overrides, and reading them (the I/O side of a build)."""
from __future__ import annotations

import hashlib
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportcli.errors import InputError, UsageError
from reportcli.models import Report
from reportcli.parse import decode_bytes, parse_report

REPORT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
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
    word_counts: Counter = field(default_factory=Counter)  # jieba word → paragraphs containing it


def _load_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed {path}: {exc}") from None


def read_reports_toml(folder: Path) -> dict[str, dict]:
    """The [[report]] tables of folder/reports.toml, keyed by file name."""
    path = folder / "reports.toml"
    if not path.is_file():
        return {}
    entries = {}
    for entry in _load_toml(path).get("report", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise InputError(f"{path}: every [[report]] needs a `file`")
        entries[entry["file"]] = entry
    return entries


def discover(paths: list[Path], display_root: Path | None = None) -> list[SourceFile]:
    """Report files under the given files and folders, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES))
        elif path.is_file():
            files.append(path)
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


def load(source: SourceFile) -> LoadedReport:
    """Read, decode and parse one file; InputError names the file."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source.path}: {exc.strerror or exc}") from None
    try:
        text = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{source.path}: {exc}") from None
    report = parse_report(text)
    overrides = {k: v for k, v in source.overrides.items() if k in OVERRIDABLE}
    if overrides:
        report = replace(report, metadata=replace(report.metadata, **overrides))
    from reportcli.index.vocab import document_frequencies
    from reportcli.text import fold

    return LoadedReport(id=source.id, report=report, sha256=hashlib.sha256(data).hexdigest(),
                        file=source.display, source=source.overrides.get("source"),
                        word_counts=document_frequencies([fold(p.text) for p in report.paragraphs]))

