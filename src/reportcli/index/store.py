"""Opening an index: read-only for queries, read-write for `add`, with clear errors for a
missing, corrupt, foreign, older or newer file.

An index is an ordinary SQLite database in rollback-journal mode. A write (`add`) is one
transaction on the file itself, so a writer killed mid-way leaves a hot journal beside it; the
next reader rolls it back before reading (a read-only connection cannot), and sees the index
exactly as it was before the write.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from reportcli.errors import IndexFileError
from reportcli.index.schema import SCHEMA_VERSION

# Readers wait this long for a writer's commit (a few milliseconds in practice) before giving up.
READ_TIMEOUT_SECONDS = 10.0
_READONLY_ROLLBACK = 776  # SQLITE_READONLY_ROLLBACK: a hot journal a read-only connection cannot undo


def open_index(path: Path) -> sqlite3.Connection:
    """A read-only connection to a reportcli index of this schema version."""
    if not path.is_file():
        if path.exists():
            raise IndexFileError(f"not a reportcli index (not a regular file): {path}")
        raise IndexFileError(f"index not found: {path} (create one with `reportcli build PATH -o {path}`)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_TIMEOUT_SECONDS)
        version = _schema_version(connection, path)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) != _READONLY_ROLLBACK:
            raise _unreadable(path, exc) from None
        _recover(path)
        return open_index(path)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from None
    check_version(version, path)
    return connection


def open_for_writing(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-write connection (autocommit; the caller begins its own transaction)."""
    try:
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        check_version(_schema_version(connection, path), path)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from None
    # The whole transaction stays in memory until it commits, so readers are never shut out
    # for longer than the commit itself.
    connection.execute("PRAGMA cache_spill = OFF")
    return connection


def is_index(path: Path) -> bool:
    """True when the file is a reportcli index of any schema version (safe to replace)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_TIMEOUT_SECONDS)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        return getattr(exc, "sqlite_errorcode", None) == _READONLY_ROLLBACK  # an index with an unfinished write
    except sqlite3.DatabaseError:
        return False
    return row is not None


def check_version(version: str, path: Path) -> None:
    if version == str(SCHEMA_VERSION):
        return
    if version.isdigit() and int(version) > SCHEMA_VERSION:
        raise IndexFileError(f"index {path} was written by a newer reportcli (schema version {version}; this one "
                             f"reads {SCHEMA_VERSION}): upgrade reportcli (pip install -U reportcli)")
    raise IndexFileError(f"index {path} has schema version {version}, this reportcli reads version {SCHEMA_VERSION}:"
                         f" rebuild it with `reportcli build PATH... -o {path}`")


def _schema_version(connection: sqlite3.Connection, path: Path) -> str:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise IndexFileError(f"not a reportcli index: {path}") from None
        raise
    if row is None:
        raise IndexFileError(f"not a reportcli index (no schema version): {path}")
    return row[0]


def _recover(path: Path) -> None:
    """Roll back the hot journal an interrupted write left, so that readers see the index as it was."""
    try:
        connection = sqlite3.connect(path, timeout=READ_TIMEOUT_SECONDS)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reading rolls the journal back
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise IndexFileError(f"index {path} has an unfinished write that needs write access to undo: "
                             "run any reportcli query on it once as its owner") from None


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> IndexFileError:
    code = getattr(exc, "sqlite_errorname", "") or ""
    if code.startswith("SQLITE_BUSY") or "locked" in str(exc):
        return IndexFileError(f"index {path} is busy: another process is writing it; try again in a moment")
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) or "unable to open" in str(exc):
        return IndexFileError(f"cannot open index {path}: permission denied or the file is not readable")
    if code.startswith("SQLITE_READONLY"):
        return IndexFileError(f"cannot write index {path}: it or its folder is read-only")
    return IndexFileError(f"not a reportcli index (not a readable SQLite database): {path}")
