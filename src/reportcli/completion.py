"""Dynamic shell completion: values read straight from the index, no parsing, no heavy imports.

Completion runs the program on every Tab press, so each function does one small SQLite query
and swallows errors (a broken index must not break the user's shell).
"""
from __future__ import annotations

import functools

import typer

# Longer than any report id, term, unit or code: such a prefix completes to nothing (and SQLite
# refuses LIKE patterns past 50,000 bytes).
LONGEST_PREFIX = 200


def _quiet(completer):
    """A completer that never fails: a prefix longer than anything completable, or any error
    (a broken index, a damaged row), gives no suggestion instead of a message in the shell."""
    @functools.wraps(completer)
    def complete(ctx: typer.Context, incomplete: str):
        if len(incomplete) > LONGEST_PREFIX:
            return []
        try:
            return completer(ctx, incomplete)
        except Exception:  # noqa: BLE001 - completion must not break the user's shell
            return []
    return complete


def _store(ctx: typer.Context):  # -> reportcli.index.store.Store | None
    from reportcli.config import resolve_index
    from reportcli.index.store import Store

    try:
        return Store.open(resolve_index(ctx.find_root().params.get("index")))
    except Exception:  # noqa: BLE001 - no completions rather than a traceback in the shell
        return None


@_quiet
def report_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    store = _store(ctx)
    return store.report_ids_like(incomplete) if store else []


@_quiet
def glossary_terms(ctx: typer.Context, incomplete: str) -> list[str]:
    """Glossary terms starting with what was typed (Typer keeps only completions that do)."""
    store = _store(ctx)
    return store.terms_like(incomplete) if store else []


@_quiet
def units(ctx: typer.Context, incomplete: str) -> list[str]:
    """Units the index's figures use, most common first."""
    store = _store(ctx)
    return store.units_like(incomplete) if store else []


@_quiet
def codes(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Indicator codes the index's figures carry, each with its English name as help."""
    store = _store(ctx)
    return store.codes_like(incomplete) if store else []


def _selected_reports(ctx: typer.Context) -> list[str]:
    return list(ctx.params.get("report") or [])


@_quiet
def section_numbers(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Section numbers from the outline, each with its heading as the completion's help."""
    store = _store(ctx)
    return store.section_numbers_like(incomplete, _selected_reports(ctx)) if store else []


@_quiet
def paragraph_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Paragraph ids for `show`: plain ids with one report in scope, REPORT:ID otherwise."""
    store = _store(ctx)
    if store is None:
        return []
    rows = store.paragraph_counts(_selected_reports(ctx))
    if len(rows) == 1:
        return [str(n) for n in range(1, rows[0][1] + 1) if str(n).startswith(incomplete)][:200]
    found = []
    for report_id, count in rows:
        found += [f"{report_id}:{n}" for n in range(1, count + 1) if f"{report_id}:{n}".startswith(incomplete)]
        if len(found) >= 200:
            break
    return found[:200]
