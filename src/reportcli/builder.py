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

    summary = write_index(_loaded_reports(sources, "indexing"), output)
    for warning in summary.warnings:
        render.warn(warning)
    sys.stderr.write(f"indexed {summary.reports} report{'s' * (summary.reports != 1)}, "
                     f"{summary.paragraphs} paragraphs, {summary.figures} figures, {summary.goals} targets, "
                     f"{summary.terms} glossary terms → {output}\n")


def add_paths(paths: list[Path], index: Path, is_bundled: bool) -> None:
    """`reportcli add`: add or replace reports in an existing index, atomically."""
    from reportcli import render
    from reportcli.index.build import add_to_index
    from reportcli.index.sources import discover
    from reportcli.index.store import open_index

    if is_bundled:
        raise UsageError("add changes an index of your own: name it with --index FILE or $REPORTCLI_INDEX "
                         "(the bundled index is rebuilt with `reportcli build`)")
    open_index(index).close()  # a clear error for a missing, corrupt or older index
    sources = discover(paths)
    if not sources:
        raise UsageError("no report files (.txt .md .html .htm) found in " + ", ".join(map(str, paths)))
    summary, replaced = add_to_index(_loaded_reports(sources, "adding"), index)
    for warning in summary.warnings:
        render.warn(warning)
    note = f" (replaced {', '.join(replaced)})" if replaced else ""
    sys.stderr.write(f"added {summary.reports} report{'s' * (summary.reports != 1)}{note}, "
                     f"{summary.paragraphs} paragraphs, {summary.figures} figures, {summary.goals} targets, "
                     f"{summary.terms} glossary terms → {index}\n")


def _loaded_reports(sources, verb: str):
    """Parsed reports in input order, with a progress bar; an unreadable file is a warning (the
    build goes on) unless it is the only one. Raising inside the write keeps the target intact."""
    from reportcli import render

    failures: list[str] = []
    with render.BuildProgress(len(sources), verb) as progress:
        for source, result in _load_all(sources):
            if isinstance(result, InputError):
                failures.append(str(result))
                if len(sources) > 1:
                    render.warn(f"skipped {result}")
            else:
                yield result
            progress.advance(source.display)
    if len(failures) == len(sources):
        raise InputError(failures[0] if len(failures) == 1 else f"none of the {len(sources)} files could be read")


# Parsing and segmenting (jieba) dominate a build; past this many files they run on every core.
PARALLEL_FROM = 16


def _load_or_error(source):
    from reportcli.index.sources import load

    try:
        return load(source)
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - one unparseable file must not stop a corpus build
        return InputError(f"{source.path}: could not be parsed ({type(exc).__name__}: {exc})")


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
