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
# (州 ends a region unless a unit follows it: 杭州市, 郑州市 are cities, not 杭州 and 市地区生产总值)
_REGION = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州(?![市县区盟])|盟|地区|县|旗|区)")


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


def region_named_before(indicator: str) -> str | None:
    """The region an indicator names before its measure (海拉尔区 in 海拉尔区地区生产总值), when only
    the measure without it is a curated indicator; None when there is none or the whole name is one."""
    bare = _bare(indicator)
    if _canonical(bare) in _by_name():
        return None
    return next((bare[:len(bare) - len(rest)] for rest in _after_regions(bare) if _canonical(rest) in _by_name()), None)


def _after_regions(bare: str):
    """What is left of a bare indicator after the regions named before it, one and then two
    (海拉尔区地区生产总值 → 地区生产总值; 呼伦贝尔市海拉尔区地区生产总值 → 海拉尔区地区生产总值 → 地区生产总值)."""
    rest = bare
    for _ in range(2):
        region = _REGION.match(rest)
        if not region or region.end() >= len(rest):
            return
        rest = rest[region.end():]
        yield rest


_REGION_SUFFIX = re.compile(r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|县|旗|区)$")


# Regions of several provinces that reports give figures for (东部地区, 长三角, 粤港澳大湾区)
_MACRO_REGION = re.compile(r"^(?:东部|中部|西部|东北|中西部|东中西部|长三角|珠三角|京津冀|粤港澳大湾区|大湾区|长江经济带|黄河流域|成渝)(?:地区)?$")


# Zones inside a region, with figures of their own (高新区地区生产总值, 经开区规上工业增加值)
_ZONE = re.compile(r"(?:开发区|高新区|经开区|新区|园区|自贸区|自由贸易试验区|综合保税区|保税区|试验区|示范区)$")


def is_place(named: str) -> bool:
    """Is `named` a place (a division by any of its names, or a region of several), not words that
    happen to end in 区 or 市 (我们坚持年初确定的地区)?"""
    from reportcli.regions import candidates

    folded = fold(named)
    if _MACRO_REGION.match(folded) or _ZONE.search(folded):
        return True
    units = []
    while (unit := _REGION.match(folded)) and unit.end() <= len(folded):  # 呼伦贝尔市海拉尔区: its last unit
        units.append(unit.group())
        folded = folded[unit.end():]
        if not folded:
            break
    last = units[-1] if units and not folded else named
    return bool(candidates(last)) or (len(last) > 2 and bool(candidates(_REGION_SUFFIX.sub("", last))))


def same_region(named: str, region: str) -> bool:
    """Does `named` (as an indicator writes it: 浙江省, 浙江地区, 海拉尔区) name `region` (the report's)?"""
    named, region = fold(named), fold(region)
    if named == region or region.endswith(named) or named.endswith(region):
        return True
    core = _REGION_SUFFIX.sub("", named)
    return bool(core) and core == _REGION_SUFFIX.sub("", region)


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
    candidates = [_canonical(bare)] + [_canonical(rest) for rest in _after_regions(bare)]  # 海拉尔区地区生产总值 too
    for candidate in candidates:
        for entry in _by_name().get(candidate, ()):
            if (kind is None or kind in entry.kinds) and (group is None and not unit or group in entry.units):
                return entry
    return None
