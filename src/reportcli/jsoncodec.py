"""JSON for the query path, through the C accelerator the json module itself calls.

Why not `import json`: importing it compiles seven regular expressions for its pure-Python
fallbacks, 3–4 ms of every query's start-up — a tenth of all reportcli may add to a bare
Typer start (benchmarks/startup.py) — while the C encoder and scanner json ends up using live
in `_json`, which loads in 0.4 ms. `dumps` writes exactly what json.dumps(value,
ensure_ascii=False) writes; `loads` reads what json.loads reads. On an interpreter without the
accelerator both hand the work to the json module.
"""
from __future__ import annotations

from typing import Any


def _unserialisable(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class _ScanContext:
    """The settings json.JSONDecoder hands to the C scanner (its defaults)."""

    strict = True
    object_hook = object_pairs_hook = None
    parse_float, parse_int = float, int

    @staticmethod
    def parse_constant(name: str) -> float:
        return {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}[name]


try:
    import _json

    # The arguments json.JSONEncoder.iterencode passes for dumps(value, ensure_ascii=False),
    # except the circular-reference memo (None: the encoder keeps no state between calls;
    # results are trees of fresh dicts and lists).
    _encode = _json.make_encoder(None, _unserialisable, _json.encode_basestring, None, ": ", ", ",
                                 False, False, True)
    _scan = _json.make_scanner(_ScanContext())
except (ImportError, AttributeError, TypeError):  # no accelerator, or one with another signature
    _encode = _scan = None


def dumps(value: Any) -> str:
    """json.dumps(value, ensure_ascii=False)."""
    if _encode is None:
        import json

        return json.dumps(value, ensure_ascii=False)
    return "".join(_encode(value, 0))


def loads(text: str) -> Any:
    """json.loads(text), for the JSON the index stores (no surrounding white space)."""
    if _scan is None:
        import json

        return json.loads(text)
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        end = -1
    if end != len(text):
        import json

        return json.loads(text)  # raises json's own error for text that is not one JSON value
    return value
