"""`reportcli inspect FILE...`: how files will be read, without building an index — format and
encoding, metadata and where each field came from, the outline, counts, the repairs applied
and warnings. What a user runs when a figure seems to be missing."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from reportcli.errors import InputError


@dataclass(frozen=True)
class Inspection:
    file: str
    id: str
    format: str | None = None  # text / html / markdown / pdf / docx
    encoding: str | None = None
    pages: int | None = None
    bytes: int = 0
    sha256: str | None = None
    metadata: dict = field(default_factory=dict)  # field → {"value": …, "source": …}
    inferred: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # paragraphs, sections, figures, targets, terms
    repairs: list[dict] = field(default_factory=list)  # {"kind", "count", "examples"}
    warnings: list[str] = field(default_factory=list)
    outline: list[dict] = field(default_factory=list)  # {"number", "level", "label", "paragraph"}
    error: str | None = None  # why the file cannot be read (then nothing else is filled in)


def inspect_paths(paths: list[Path], text_field: str | None = None) -> list[Inspection]:
    """One Inspection per report: a file each, a dataset a row each (a row that cannot be
    indexed is one with its error)."""
    from reportcli.index.sources import discover

    found = discover(paths, text_field=text_field)
    rows = [inspect_source(source) for source in found.sources]
    rows.extend(Inspection(file=problem.split(": ", 1)[0], id="", error=problem) for problem in found.skipped)
    return rows


def inspect_source(source) -> Inspection:  # source: index.sources.SourceFile
    from reportcli.index.sources import read

    try:
        data, decoded, report, _ = read(source)
    except InputError as exc:
        return Inspection(file=source.where, id=source.id, error=str(exc))
    provenance = dict(report.provenance)
    metadata = {name: {"value": value, "source": provenance.get(name)}
                for name, value in vars(report.metadata).items()}
    warnings = list(report.warnings)
    first_paragraph: dict[int, int] = {}
    for paragraph in report.paragraphs:
        if paragraph.section is not None:
            first_paragraph.setdefault(paragraph.section, paragraph.id)
    outline = [{"number": s.number, "level": s.level, "label": s.label, "paragraph": first_paragraph.get(s.id)}
               for s in report.sections]
    return Inspection(
        file=source.where, id=source.id, format=decoded.format, encoding=decoded.encoding, pages=decoded.pages,
        bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), metadata=metadata, inferred=list(report.inferred),
        counts={"paragraphs": len(report.paragraphs), "sections": len(report.sections),
                "figures": len(report.figures), "targets": len(report.goals),
                "headline_targets": sum(1 for goal in report.goals if goal.main), "terms": len(report.terms)},
        repairs=[{"kind": r.kind, "count": r.count, "examples": list(r.examples)} for r in report.repairs],
        warnings=warnings, outline=outline)
