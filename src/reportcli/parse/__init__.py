"""Pure text → Report parsing: no files, no globals, no printing.

The package imports its modules only when one of these names is used, so a query that needs
one word list (parse.lexicon) does not pay for the whole parser.
"""
from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "Decoded": "reportcli.parse.decode", "decode_bytes": "reportcli.parse.decode",
    "html_to_text": "reportcli.parse.decode", "looks_like_html": "reportcli.parse.decode",
    "read_document": "reportcli.parse.decode", "parse_report": "reportcli.parse.report",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'reportcli.parse' has no attribute {name!r}")
