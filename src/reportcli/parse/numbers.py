"""Reading quantities as reports write them: one normaliser for figures and goals.

`read_quantity(folded, start)` parses what follows a number — qualifiers, scale word, unit —
and returns the span as written and its normalised value. Patterns run on folded text
(text.fold), so full-width digits, ％, traditional 萬/億 read like their plain forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportcli.text import chinese_to_int

# Longest first, so 千瓦时 wins over 千瓦 and 个百分点 over 个.
UNITS = sorted("""
个百分点 百分点 % ‰ 倍 成
元 美元 欧元 港元 日元 英镑 卢布
吨标准煤 吨 公斤 千克 毫克 微克 克 斤
平方公里 平方千米 平方米 平米 亩 公顷
公里 千米 延米 厘米 毫米 米
立方米 千升 升 方 标箱 标准箱
千瓦时 千瓦 兆瓦 吉瓦 千伏安 千伏 度
人次 户次 家次 架次 车次 班次 批次 人 名 户 个 家 项 件 次 所 座 条 辆 台 套 张 份 头 只 羽 株 棵 处 宗 批 场 部 篇 本
册 间 栋 幢 片 块 盏 根 口 眼 艘 架 列 趟 例 起 单 笔 支 床 位 种 类 款 门
个月 年 月 天 日 小时 分钟 周 岁 个工作日 工作日
""".split(), key=len, reverse=True)
_UNIT_PATTERN = "|".join(re.escape(unit) for unit in UNITS)
SCALES = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
CHINESE_NUMERAL = re.compile(r"[一二两三四五六七八九十百千]+")
_UNIT = re.compile(_UNIT_PATTERN)
_SCALE = re.compile(r"万亿|亿|万|千|百")
_PER_UNIT = re.compile(r"/(?:" + _UNIT_PATTERN + r")")
_QUALIFIER = re.compile(r"余|多")
_POST = re.compile(r"左右|以上|以内|以下|之内|多|余")
_DURATIONS = {"天", "年", "个月", "月", "小时", "分钟", "周", "个工作日", "工作日"}
APPROX_BEFORE = {"超过": "over", "突破": "over", "逾": "over", "超": "over", "多于": "over",
                 "将近": "under", "接近": "under", "不到": "under", "不足": "under", "近": "under",
                 "大约": "about", "约": "about"}
_APPROX_BEFORE = re.compile("(?<!不)(" + "|".join(sorted(APPROX_BEFORE, key=len, reverse=True)) + r")\s?$")
APPROX_AFTER = {"左右": "about", "余": "over", "多": "over", "以上": "over", "强": "over",
                "以内": "under", "以下": "under", "之内": "under", "内": "under"}


@dataclass(frozen=True)
class Quantity:
    start: int  # offset of the number
    end: int  # end of the quantity as written (qualifier after it included)
    value: int | float | None  # an int when whole, so 8,100万 reads 81000000, not 81000000.0
    unit: str
    approx: str | None  # about / over / under
    scale: str | None  # the scale word, if any


def number_value(text: str) -> Decimal | None:
    """An Arabic or Chinese numeral (with thousands separators) as an exact decimal."""
    if text and text[0].isdigit():
        return Decimal(text.replace(",", ""))
    value = chinese_to_int(text)
    return None if value is None else Decimal(value)


def plain_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def read_quantity(folded: str, start: int, number_end: int) -> Quantity:
    """The quantity whose number spans folded[start:number_end]: 8,100余万元, 1.2万亩以上, 4.05 %."""
    base = number_value(folded[start:number_end])
    position = number_end
    if folded[position:position + 1] == " " and _UNIT.match(folded, position + 1):
        position += 1  # 4.05 %
    approx = None
    if (qualifier := _QUALIFIER.match(folded, position)):
        approx, position = APPROX_AFTER[qualifier.group()], qualifier.end()
    scale = None
    unit_here = _UNIT.match(folded, position)
    scale_here = _SCALE.match(folded, position)
    # 千 and 百 also begin units of their own (千瓦, 千米, 千升, 百分点): the unit wins.
    if scale_here and not (unit_here and unit_here.group()[0] == scale_here.group()[0]
                           and scale_here.group() in ("千", "百")):
        scale, position = scale_here.group(), scale_here.end()
        if (qualifier := _QUALIFIER.match(folded, position)):
            approx, position = APPROX_AFTER[qualifier.group()], qualifier.end()
        unit_here = _UNIT.match(folded, position)
    unit = ""
    if unit_here:
        unit, position = unit_here.group(), unit_here.end()
        per = _PER_UNIT.match(folded, position)
        if per:  # 28微克/立方米, 3,000元/吨: a rate unit
            unit, position = unit + per.group(), per.end()
    if (post := _POST.match(folded, position)) and (unit or scale or post.group() == "左右"):
        approx, position = APPROX_AFTER[post.group()], post.end()
    elif unit in _DURATIONS and folded[position:position + 1] == "内":
        approx, position = "under", position + 1  # 1天内
    if approx is None and (before := _APPROX_BEFORE.search(folded, max(0, start - 3), start)):
        approx = APPROX_BEFORE[before.group(1)]
    value = None if base is None else base * SCALES[scale] if scale else base
    return Quantity(start=start, end=position, value=plain_number(value), unit=unit, approx=approx, scale=scale)
