"""Opening an index read-only, with clear errors for a missing, corrupt or foreign file."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from reportcli.errors import IndexFileError
from reportcli.index.schema import SCHEMA_VERSION


def open_index(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise IndexFileError(f"index not found: {path} (create one with `reportcli build PATH -o {path}`)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            raise IndexFileError(f"not a reportcli index: {path}") from None
        raise IndexFileError(f"not a reportcli index (not a readable SQLite database): {path}") from None
    if row is None:
        raise IndexFileError(f"not a reportcli index (no schema version): {path}")
    if row[0] != str(SCHEMA_VERSION):
        raise IndexFileError(
            f"index {path} has schema version {row[0]}, this reportcli reads version {SCHEMA_VERSION}:"
            " rebuild it with `reportcli build`")
    return connection
