"""The build workflow behind `reportcli build`: find files, parse them with a progress bar,
warn about the unreadable ones, write the index atomically, summarise on stderr."""
from __future__ import annotations

import sys
from pathlib import Path

from reportcli.config import BUNDLED_INDEX
from reportcli.errors import InputError, UsageError

# In a source checkout (editable install) seeds/ sits two levels above the package.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"


def build_from_paths(paths: list[Path], output: Path | None) -> None:
    from reportcli import render
    from reportcli.index.build import write_index
    from reportcli.index.sources import discover

    if not paths:
        if not SEEDS.is_dir():
            raise UsageError("no seeds/ folder beside this installation: give report files, "
                             "e.g. reportcli build reports/ -o my.sqlite")
        sources = discover([SEEDS], display_root=PROJECT_ROOT)
        output = output or BUNDLED_INDEX
    else:
        if output is None:
            raise UsageError("say where to write the index: reportcli build PATH... -o FILE")
        sources = discover(paths)
    if not sources:
        raise UsageError("no report files (.txt .md .html .htm) found in " + ", ".join(map(str, paths or [SEEDS])))
    if output.exists() and output.is_dir():
        raise UsageError(f"--output is a folder, not a file: {output}")

    failures: list[str] = []

    def loaded_reports():
        with render.BuildProgress(len(sources)) as progress:
            for source, result in _load_all(sources):
                if isinstance(result, InputError):
                    failures.append(str(result))
                    if len(sources) > 1:
                        render.warn(f"skipped {result}")
                else:
                    yield result
                progress.advance(source.display)
        if len(failures) == len(sources):
            # Raised inside write_index, so the half-written temp file goes and FILE stays as it was.
            raise InputError(failures[0] if len(failures) == 1 else f"none of the {len(sources)} files could be read")

    summary = write_index(loaded_reports(), output)
    for warning in summary.warnings:
        render.warn(warning)
    sys.stderr.write(f"indexed {summary.reports} report{'s' * (summary.reports != 1)}, "
                     f"{summary.paragraphs} paragraphs, {summary.figures} figures, {summary.goals} targets, "
                     f"{summary.terms} glossary terms → {output}\n")


# Parsing and segmenting (jieba) dominate a build; past this many files they run on every core.
PARALLEL_FROM = 16


def _load_or_error(source):
    from reportcli.index.sources import load

    try:
        return load(source)
    except InputError as exc:
        return exc


def _load_all(sources):
    """(source, LoadedReport or InputError) in input order, in worker processes for big builds."""
    import os

    workers = min(os.cpu_count() or 1, 8)
    if len(sources) < PARALLEL_FROM or workers < 2:
        for source in sources:
            yield source, _load_or_error(source)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(sources, pool.map(_load_or_error, sources, chunksize=4))
