"""`codes`: the curated indicator codes (data/indicators.toml) that metrics, goals and trend take
with --code, and the one check that a code given is one of them."""
from __future__ import annotations

from functools import lru_cache

from reportcli.errors import UsageError
from reportcli.record import Record


class IndicatorCode(Record):
    code: str
    name_en: str
    name: str  # the name most reports use (the first of the table's names)
    names: list[str]  # every wording that maps to the code
    kinds: list[str]  # figure kinds: level, change, share …
    units: list[str]  # unit groups: money, percent, people …
    better: str  # higher / lower: how goals --check judges an outcome


@lru_cache(maxsize=1)
def indicator_codes() -> tuple[IndicatorCode, ...]:
    """The table, read on first use (only a command given a code, or `codes`, needs it)."""
    from reportcli.resources import INDICATORS, read_data_toml

    return tuple(IndicatorCode(code=entry["code"], name_en=entry["name_en"], name=entry["names"][0],
                               names=list(entry["names"]), kinds=list(entry["kinds"]), units=list(entry["units"]),
                               better=entry["better"])
                 for entry in read_data_toml(INDICATORS)["indicator"])


def is_code(text: str) -> bool:
    return any(entry.code == text for entry in indicator_codes())


def checked_code(code: str) -> str:
    """`code` when the table has it; else a usage error naming the closest codes."""
    wanted = code.strip().lower()
    if is_code(wanted):
        return wanted
    from difflib import get_close_matches

    known = [entry.code for entry in indicator_codes()]
    closest = get_close_matches(wanted, known, n=4, cutoff=0.5)
    hint = f"closest: {', '.join(closest)}; " if closest else ""
    raise UsageError(f"unknown indicator code {code!r} ({hint}`reportcli codes` lists them)")
