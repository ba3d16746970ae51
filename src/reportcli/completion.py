"""Dynamic shell completion: values read straight from the index, no parsing, no heavy imports.

Completion runs the program on every Tab press, so each function does one small SQLite query
and swallows errors (a broken index must not break the user's shell).
"""
from __future__ import annotations

import sqlite3

import typer


def _connect(ctx: typer.Context) -> sqlite3.Connection | None:
    from reportcli.config import resolve_index
    from reportcli.index.store import open_index

    try:
        return open_index(resolve_index(ctx.find_root().params.get("index")))
    except Exception:  # noqa: BLE001 - no completions rather than a traceback in the shell
        return None


def report_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    connection = _connect(ctx)
    if connection is None:
        return []
    rows = connection.execute("SELECT id FROM reports WHERE id LIKE ? ESCAPE '\\' ORDER BY ord",
                              (_like_prefix(incomplete),))
    return [row[0] for row in rows]


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def glossary_terms(ctx: typer.Context, incomplete: str) -> list[str]:
    """Glossary terms starting with what was typed (Typer keeps only completions that do)."""
    connection = _connect(ctx)
    if connection is None:
        return []
    rows = connection.execute("SELECT term FROM terms WHERE term LIKE ? ESCAPE '\\' ORDER BY report, seq",
                              (_like_prefix(incomplete),))
    return list(dict.fromkeys(row[0] for row in rows))


def units(ctx: typer.Context, incomplete: str) -> list[str]:
    """Units the index's figures use, most common first."""
    connection = _connect(ctx)
    if connection is None:
        return []
    rows = connection.execute(
        "SELECT unit FROM figures WHERE unit != '' AND unit LIKE ? ESCAPE '\\' GROUP BY unit ORDER BY count(*) DESC",
        (_like_prefix(incomplete),))
    return [row[0] for row in rows]


def _selected_reports(ctx: typer.Context) -> list[str]:
    return list(ctx.params.get("report") or [])


def section_numbers(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Section numbers from the outline, each with its heading as the completion's help."""
    connection = _connect(ctx)
    if connection is None:
        return []
    reports = _selected_reports(ctx)
    sql = ("SELECT s.number, s.label FROM sections s JOIN reports r ON r.ord = s.report WHERE s.number LIKE ?"
           + (f" AND r.id IN ({','.join('?' * len(reports))})" if reports else "") + " ORDER BY s.report, s.id")
    seen: dict[str, str] = {}
    for number, label in connection.execute(sql, (_like_prefix(incomplete), *reports)):
        seen.setdefault(number, label)
    return list(seen.items())


def paragraph_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Paragraph ids for `show`: plain ids with one report in scope, REPORT:ID otherwise."""
    connection = _connect(ctx)
    if connection is None:
        return []
    reports = _selected_reports(ctx)
    rows = connection.execute("SELECT id, paragraphs FROM reports" + (
        f" WHERE id IN ({','.join('?' * len(reports))})" if reports else "") + " ORDER BY ord", reports).fetchall()
    if len(rows) == 1:
        return [str(n) for n in range(1, rows[0][1] + 1) if str(n).startswith(incomplete)][:200]
    found = []
    for report_id, count in rows:
        found += [f"{report_id}:{n}" for n in range(1, count + 1) if f"{report_id}:{n}".startswith(incomplete)]
        if len(found) >= 200:
            break
    return found[:200]
