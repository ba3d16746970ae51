"""The build workflow behind `reportcli build` and `add`: find files, parse them (on every core
for big builds) with a progress bar, warn about the unreadable ones, write the index, summarise
on stderr.

A build or add stopped by Ctrl-C, TERM or HUP cleans up like one that failed: no temp file, no
half-written index, no worker process left behind.
"""
from __future__ import annotations

import os
import signal
import sys
from contextlib import closing, contextmanager
from pathlib import Path

from reportcli.resources import BUNDLED_INDEX
from reportcli.errors import InputError, InstallError, Interrupted, UsageError

# In a source checkout (editable install) seeds/ sits two levels above the package.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"


def build_from_paths(paths: list[Path], output: Path | None, force: bool = False, *, text_field: str | None = None,
                     strict: bool = False, update: bool = False, jobs: int | None = None) -> dict:
    from reportcli import render
    from reportcli.index.build import guard_output, write_index
    from reportcli.index.sources import discover
    from reportcli.index.store import is_index

    if not paths:
        if not SEEDS.is_dir():
            raise UsageError("no seeds/ folder beside this installation: give report files, "
                             "e.g. reportcli build reports/ -o my.sqlite")
        found = discover([SEEDS], display_root=PROJECT_ROOT)
        output = output or BUNDLED_INDEX
    else:
        if output is None:
            raise UsageError("say where to write the index: reportcli build PATH... -o FILE")
        found = discover(paths, text_field=text_field)
    workers = _workers(jobs)
    sources = _checked(found, paths or [SEEDS], strict)
    guard_output(output, [*paths, *(source.path for source in sources)], force=force)
    if update and output.is_file() and is_index(output):
        return _add_changed(sources, found.skipped, output, wait=60.0, workers=workers)
    with _stopped_by_signals(), closing(_loaded_reports(sources, "indexing", workers)) as reports:
        summary = write_index(reports, output)
    _report_on_files(summary)
    render.outcome(f"indexed {_summary_line(summary)}{_skipped_note(found.skipped)} → {output}")
    return _summary_dict(summary, output, found.skipped, added=summary.reports)


def add_paths(paths: list[Path], index: Path, is_bundled: bool, wait: float, *, text_field: str | None = None,
              strict: bool = False, jobs: int | None = None) -> dict:
    """`reportcli add`: add new reports to an existing index and replace changed ones, in one
    transaction; reports already there unchanged are skipped without being parsed."""
    from reportcli.index.sources import discover
    from reportcli.index.store import open_index

    if is_bundled:
        raise UsageError("add changes an index of your own: name it with --index FILE or $REPORTCLI_INDEX "
                         "(the bundled index is rebuilt with `reportcli build`)")
    if wait < 0:
        raise UsageError("--wait must be 0 or more seconds")
    workers = _workers(jobs)
    open_index(index).close()  # a clear error for a missing, corrupt or older index
    found = discover(paths, text_field=text_field)
    return _add_changed(_checked(found, paths, strict), found.skipped, index, wait, workers=workers)


def _checked(found, paths: list[Path], strict: bool) -> list:
    """The reports to read; dataset rows that cannot be indexed are warnings, or with --strict an
    error before anything is written."""
    from reportcli import render
    from reportcli.index.sources import REPORT_SUFFIXES

    if found.skipped and strict:
        raise InputError(f"{found.skipped[0]}" + (f" (and {len(found.skipped) - 1} more rows that cannot be "
                                                  "indexed)" if len(found.skipped) > 1 else "")
                         + "; --strict: nothing was written")
    for problem in found.skipped[:SHOWN_SKIPPED_ROWS]:
        render.warn(f"skipped {problem}")
    if len(found.skipped) > SHOWN_SKIPPED_ROWS:
        render.warn(f"… and {len(found.skipped) - SHOWN_SKIPPED_ROWS} more rows skipped")
    if not found.sources:
        if found.skipped:
            raise InputError(f"no row could be indexed ({len(found.skipped)} skipped)")
        raise UsageError(f"no report files ({' '.join(sorted(REPORT_SUFFIXES))}) found in "
                         + ", ".join(map(str, paths)))
    return found.sources


def _add_changed(sources: list, skipped: list[str], index: Path, wait: float, *, workers: int) -> dict:
    from reportcli import render
    from reportcli.index.build import add_to_index, fingerprints

    known = fingerprints(index)
    changed = [source for source in sources if known.get(source.id) != _fingerprint(source)]
    unchanged = len(sources) - len(changed)
    added = replaced = 0
    summary = None
    if changed:
        from reportcli.spool import Spool

        with _stopped_by_signals(), Spool(HELD_WHILE_ADDING, "the parsed reports", "add fewer files at a time",
                                          compress=True) as loaded:
            # Parse first, then take the write lock: another writer waits only for the writing.
            # Past a few reports they wait in a temporary file (~75 KB each), not memory (~1 MB).
            for report in _loaded_reports(changed, "adding", workers):
                loaded.add(report)
            summary, replaced_ids = add_to_index(loaded, index, wait=wait, on_wait=render.note)
        _report_on_files(summary)
        replaced = len(replaced_ids)
        added = summary.reports - replaced
    counts = f"{added} added, {replaced} replaced, {unchanged} unchanged"
    written = f": {_summary_line(summary)}" if summary and summary.reports else ""
    render.outcome(f"{counts}{written}{_skipped_note(skipped)} → {index}")
    return _summary_dict(summary, index, skipped, added=added, replaced=replaced, unchanged=unchanged)


def _summary_dict(summary, output: Path, skipped: list[str], *, added: int, replaced: int = 0,
                  unchanged: int = 0) -> dict:
    """What a build or add did, for the library (reportcli.build, Index.add)."""
    counts = {key: getattr(summary, key) if summary else 0 for key in ("reports", "paragraphs", "figures", "goals",
                                                                       "terms")}
    return {"output": str(output), **counts, "added": added, "replaced": replaced, "unchanged": unchanged,
            "skipped": list(skipped), "warnings": list(summary.warnings) if summary else []}


def _fingerprint(source) -> str | None:
    """A source's fingerprint without parsing it (a row's is known from the scan; a file's needs
    its bytes read and hashed)."""
    from reportcli.index.sources import fingerprint_of

    try:
        return fingerprint_of(source, b"" if source.row is not None else source.path.read_bytes())
    except OSError:
        return None  # read again, and reported, when it is loaded


def _skipped_note(skipped: list[str]) -> str:
    return f" ({len(skipped)} row{'s' * (len(skipped) != 1)} skipped)" if skipped else ""


# Dataset rows that cannot be indexed, named one by one; past this, a count.
SHOWN_SKIPPED_ROWS = 20

# Files named one by one in a build's summary; past this, a count and how to see the rest.
SHOWN_REPAIRED_FILES = 10


def _report_on_files(summary) -> None:
    """Warnings, and which files needed repairs (hard wraps joined, page numbers dropped …)."""
    from reportcli import render

    for warning in summary.warnings:
        render.warn(warning)
    for file, repairs in summary.repaired[:SHOWN_REPAIRED_FILES]:
        done = ", ".join(f"{repair.kind} ×{repair.count}" for repair in repairs)
        render.note(f"repaired {file}: {done}")
    hidden = len(summary.repaired) - SHOWN_REPAIRED_FILES
    if hidden > 0:
        render.note(f"… and {hidden} more files were repaired (see `reportcli inspect FILE`)")


def _summary_line(summary) -> str:
    return (f"{summary.reports} report{'s' * (summary.reports != 1)}, {summary.paragraphs} paragraphs, "
            f"{summary.figures} figures, {summary.goals} targets, {summary.terms} glossary terms")


@contextmanager
def _stopped_by_signals():
    """TERM and HUP interrupt a write the way Ctrl-C does, so that it is undone and cleaned up.

    The handler raises Interrupted (KeyboardInterrupt for Ctrl-C) wherever the main thread is. When that is inside a finalizer
    (a weakref callback run by the garbage collector), Python prints the exception and drops it;
    so the signal is also remembered, that message is kept quiet, and the write checks for it
    after each report it reads (`_raise_if_interrupted`), before anything is committed."""
    owner = os.getpid()

    def interrupt(signum, _frame):
        if os.getpid() != owner:
            # A worker forked with this handler and signalled (pool.terminate) before its
            # initializer reset it: it ends by the signal, quietly, as a worker should.
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        _PENDING_SIGNALS.append(signum)
        raise _stop(signum)

    def unraisable(details) -> None:
        if not isinstance(details.exc_value, (Interrupted, KeyboardInterrupt)):
            previous_hook(details)

    caught = sorted(_STOP_SIGNALS)  # Ctrl-C too: its KeyboardInterrupt can land in a finalizer as well
    try:
        previous = {sig: signal.signal(sig, interrupt) for sig in caught}
    except ValueError:  # not the main thread (an embedding application): leave its handlers alone
        yield
        return
    previous_hook = sys.unraisablehook
    sys.unraisablehook = unraisable
    _PENDING_SIGNALS.clear()
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sys.unraisablehook = previous_hook
        _PENDING_SIGNALS.clear()


# The signals that stop a write: Ctrl-C, TERM, HUP.
_STOP_SIGNALS = {sig for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if sig}

# Signals caught during a write whose Interrupted may have been swallowed by a finalizer.
_PENDING_SIGNALS: list[int] = []


def _raise_if_interrupted() -> None:
    if _PENDING_SIGNALS:
        raise _stop(_PENDING_SIGNALS[0])


def _stop(signum: int) -> BaseException:
    """What a stop signal raises: KeyboardInterrupt for Ctrl-C (exit 130), else Interrupted."""
    return KeyboardInterrupt() if signum == signal.SIGINT else Interrupted(signum)


def _loaded_reports(sources, verb: str, workers: int):
    """Parsed reports in input order, with a progress bar; an unreadable file is a warning (the
    build goes on) unless it is the only one. Raising inside the write keeps the target intact."""
    from reportcli import render

    failures: list[str] = []
    with render.BuildProgress(len(sources), verb) as progress:
        for source, result in _load_all(sources, workers):
            if not isinstance(result, InputError) and not result.report.paragraphs:
                why = next((w for w in result.report.warnings if w.startswith("the text has no words")),
                           "no paragraph of report text was found")
                result = InputError(f"{source.where}: {why} (see `reportcli inspect {source.path}`)")
            if isinstance(result, InputError):
                failures.append(str(result))
                if len(sources) > 1:
                    render.warn(f"skipped {result}")
            else:
                yield result
            progress.advance(source.where)
            _raise_if_interrupted()
    if failures and len(failures) == len(sources):
        raise InputError(failures[0] if len(failures) == 1 else f"none of the {len(sources)} reports could be read")


# `add` keeps this many parsed reports in memory; the rest wait in a temporary file (reportcli.spool).
HELD_WHILE_ADDING = 32

# Parsing and segmenting (jieba) dominate a build; past this many files they run on every core.
PARALLEL_FROM = 16


def _load_or_error(source):
    from reportcli.index.sources import load

    try:
        return load(source)
    except InputError as exc:
        return exc
    except InstallError:
        raise  # a broken installation fails every file alike: stop with its one message
    except Exception:  # noqa: BLE001 - one unparseable file must not stop a corpus build
        return InputError(f"{source.where}: could not be parsed: reportcli failed on this report (an internal "
                          f"error; `reportcli inspect {source.path} --debug` shows where; please report it)")


def _workers(jobs: int | None) -> int:
    """How many processes parse: --jobs, else one a core this process may use."""
    if jobs is None:
        return _usable_cores()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= MAX_JOBS:
        raise UsageError(f"--jobs must be a whole number from 1 to {MAX_JOBS} (1 parses in this process)")
    return jobs


# More parsing processes than this only add memory (each holds its own segmenter and parser, ~130 MB).
MAX_JOBS = 256


def _load_all(sources, workers: int):
    """(source, LoadedReport or InputError) in input order, in `workers` processes for big builds
    (the index written is the same whatever their number: results come back in input order)."""
    if len(sources) < PARALLEL_FROM or workers < 2:
        for source in sources:
            yield source, _load_or_error(source)
        return
    import multiprocessing

    # A signal while the pool is being made would lose it half-made, its threads still forking
    # workers as the process exits (seen in CI: a traceback from _handle_workers after TERM).
    # The signals wait until the pool exists and is in the block that terminates it.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS) if hasattr(signal, "pthread_sigmask") else None
    try:
        pool = multiprocessing.Pool(processes=workers, initializer=_worker_start, initargs=(os.getpid(),))
    except BaseException:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    try:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a signal that came meanwhile lands here
        yield from zip(sources, pool.imap(_load_or_error, sources, chunksize=2))
        pool.close()
    finally:
        pool.terminate()  # on an error or interrupt the workers stop now, not after the queue
        pool.join()


def _usable_cores() -> int:
    """The cores this process may run on (taskset, a container's cpuset), not all the machine has."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _worker_start(parent: int) -> None:
    """A worker ignores Ctrl-C (the parent decides) and ends itself when its parent is gone,
    even if the parent was killed with KILL and could not terminate it."""
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
        if sig:
            signal.signal(sig, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked while the parent held them (_load_all): TERM ends it now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
