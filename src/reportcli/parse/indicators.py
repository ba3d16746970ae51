"""Comparable indicators: a report's own wording of an indicator → a stable code from the curated
table in data/indicators.toml (国内生产总值增长, 全省生产总值增长, GDP增长 → gdp_growth).

Read at build time only: codes and English names are stored with each figure and target, so
queries filter and match by code without loading the table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportcli.parse.lexicon import CHANGE_TAIL
from reportcli.text import fold


# A figure's unit → the unit group an indicator is measured in.
UNIT_GROUPS = {
    "money": {"元", "美元", "欧元", "港元", "日元", "英镑", "卢布"},
    "percent": {"%"},
    "people": {"人", "人次", "名"},
    "mass": {"吨", "斤", "公斤", "千克"},
    "units": {"户", "家", "个", "户次"},
    "concentration": {"微克/立方米", "毫克/立方米"},
}
_GROUP_OF = {unit: group for group, units in UNIT_GROUPS.items() for unit in units}

# What a report puts around the name of an indicator: scope (全省, 我市), time (全年, 2023年),
# stance (力争, 预计), list markers — and after it the verb of its change (增长, 涨幅, 下降).
_LEAD = re.compile(
    r"^(?:全社会|全国|全省|全市|全区|全县|全旗|全州|全盟|全镇|全乡|全自治区|全辖区|我国|我省|我市|我区|我县|我旗|我州|本市|本省|本区|本县|"
    r"全年|今年|去年|上年|年度|当年|年内|年末|年底|全口径|实际|预计|初步预计|初步核算|累计|实现|完成|全部|力争|确保|争取|其中|同口径|"
    r"(?:19|20)\d{2}年(?:度|全年)?|[●•◆◇■□▪▶►○◎★☆※·\-–—]|\d{1,2}[.、]|\(\d{1,2}\)|[①-⑳]|、|\s)+")
# Aliases, quotes and spaces are not part of the name: 地区生产总值(GDP), “菜篮子”.
_BRACKETS = re.compile(r"\([^()]*\)|“|”|\"|《|》|\s")
# A region's name before the indicator (呼伦贝尔市地区生产总值): the scope, not the indicator.
_REGION = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|县|旗|区)")


@dataclass(frozen=True)
class Indicator:
    code: str
    name_en: str
    names: tuple[str, ...]
    kinds: tuple[str, ...]
    units: tuple[str, ...]
    better: str  # higher / lower


# One name for the economy's output and one shape for a share, whichever a report writes:
# 占GDP比重, 占国内生产总值的比重 and 占地区生产总值比重 are the same denominator.
_OUTPUT = re.compile(r"(?:国内|地区)生产总值|gdp")


def key_of(indicator: str) -> str:
    """The bare name of an indicator: folded, without brackets, scope, time and change verb."""
    return _canonical(_bare(indicator))


def _bare(indicator: str) -> str:
    text = _LEAD.sub("", _BRACKETS.sub("", fold(indicator)))
    return CHANGE_TAIL.sub("", text) or text


def _canonical(bare: str) -> str:
    return _OUTPUT.sub("生产总值", bare).replace("的比重", "比重")


@lru_cache(maxsize=1)
def table() -> tuple[Indicator, ...]:
    from reportcli.resources import INDICATORS, read_data_toml

    entries = read_data_toml(INDICATORS)["indicator"]
    return tuple(Indicator(code=entry["code"], name_en=entry["name_en"],
                           names=tuple(dict.fromkeys(key_of(name) for name in entry["names"])),
                           kinds=tuple(entry["kinds"]), units=tuple(entry["units"]), better=entry["better"])
                 for entry in entries)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[Indicator, ...]]:
    found: dict[str, list[Indicator]] = {}
    for entry in table():
        for name in entry.names:
            found.setdefault(name, []).append(entry)
    return {name: tuple(entries) for name, entries in found.items()}


def by_code(code: str) -> Indicator | None:
    return next((entry for entry in table() if entry.code == code), None)


@lru_cache(maxsize=8192)  # reports name the same indicators again and again (2% of a parse, uncached)
def classify(indicator: str, kind: str | None, unit: str) -> Indicator | None:
    """The curated indicator a figure measures, or None. `kind` None (a qualitative target)
    matches any kind; a figure must also be in one of the indicator's unit groups."""
    bare = _bare(indicator)
    if not bare:
        return None
    group = _GROUP_OF.get(unit) if unit else None
    candidates = [_canonical(bare)]
    region = _REGION.match(bare)
    if region and region.end() < len(bare):  # 海拉尔区地区生产总值: a region named before the indicator
        candidates.append(_canonical(bare[region.end():]))
    for candidate in candidates:
        for entry in _by_name().get(candidate, ()):
            if (kind is None or kind in entry.kinds) and (group is None and not unit or group in entry.units):
                return entry
    return None
