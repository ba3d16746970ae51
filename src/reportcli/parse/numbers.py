"""Reading quantities as reports write them: one normaliser for figures and goals.

`read_quantity(folded, start)` parses what follows a number — qualifiers, scale word, unit —
and returns the span as written and its normalised value. Patterns run on folded text
(text.fold), so full-width digits, ％, traditional 萬/億 read like their plain forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportcli.parse.lexicon import APPROX_AFTER, APPROX_BEFORE, alternation, starting_with


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
SCALES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8, "千万": 10**7, "百万": 10**6,
          "十万": 10**5, "万": 10**4, "千": 10**3, "百": 10**2}

NUMBER = starting_with(r"\d", r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # tried at digits only: 2× faster

# ---------------------------------------------------------------- Chinese numerals

# Digits and units as reports write them, financial capitals included (壹拾贰万); traditional
# forms (萬, 億, 兩, 貳) are folded to these before parsing (text.fold).
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_TENS = {"廿": 20, "卅": 30}  # old forms of 二十, 三十
_CN = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_TENS)
# A run of Chinese numeral characters, 万/亿 and a decimal part included: read whole or not at all.
CHINESE_NUMERAL = re.compile(rf"[{_CN}万亿]+(?:点[{''.join(CN_DIGITS)}]+)?")
_UNIT = re.compile(_UNIT_PATTERN)
_SCALE = re.compile(r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百")
_PER_UNIT = re.compile(r"/(?:万|亿|千|百)?(?:" + _UNIT_PATTERN + r")")  # 吨标准煤/万元: per 10,000 yuan
_QUALIFIER = re.compile(r"余|多")
_POST = re.compile(r"左右|以上|以内|以下|之内|多|余")
_DURATIONS = {"天", "年", "个月", "月", "小时", "分钟", "周", "个工作日", "工作日"}
_APPROX_BEFORE = re.compile(f"(?<!不)({alternation(APPROX_BEFORE)})\\s?$")


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
    return chinese_value(text)


# The longest whole numeral worth reading: 一千零一亿一千零一万一千零一点五 is 17 characters.
LONGEST_CHINESE_NUMERAL = 40
_LONE_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "亿": 10**8}


def chinese_value(numeral: str) -> Decimal | None:
    """The exact value of a whole Chinese numeral, or None when it is not one (never the value
    of a part): 三千零五十亿 → 305000000000, 两万三千 → 23000, 一百零二 → 102, 十二万 → 120000,
    一千零一亿一千零一万一千零一, 壹拾贰万, 五十八点五 → 58.5, 十三万五 (colloquial) → 135000."""
    if numeral in _LONE_UNITS:
        return Decimal(_LONE_UNITS[numeral])  # 百余家, 千余人, 万余户
    if len(numeral) > LONGEST_CHINESE_NUMERAL:
        return None  # no quantity is written so (一万一万…): unreadable, and the parse stays shallow
    whole, point, fraction = numeral.partition("点")
    if point:
        if not fraction or any(ch not in CN_DIGITS for ch in fraction):
            return None
        if whole and all(ch in CN_DIGITS for ch in whole) and len(whole) > 1:
            return None
        integer = chinese_value(whole) if whole else None
        if integer is None:
            return None
        return integer + Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in fraction))
    if not numeral:
        return None
    value = _with_big_units(numeral)
    return None if value is None else Decimal(value)


def _with_big_units(numeral: str, implicit_one: bool = False) -> int | None:
    """亿 and 万 split a numeral into groups, the larger first: (x万 + y)亿 + z万 + w."""
    for unit, size in (("亿", 10**8), ("万", 10**4)):
        if unit not in numeral:
            continue
        left, _, right = numeral.rpartition(unit)
        high = _with_big_units(left, implicit_one) if left else None
        if not high:
            return None
        if not right:
            low = 0
        elif right[0] in "零〇":
            low = _with_big_units(right[1:], implicit_one=True) if right[1:] else None  # 十万零一, 一万零百一十一
        elif len(right) == 1 and CN_DIGITS.get(right):
            low = CN_DIGITS[right] * size // 10  # 十三万五: the next unit down, as people say it
        else:
            low = _with_big_units(right)
        if low is None or low >= size:
            return None
        return high * size + low
    return _below_ten_thousand(numeral, implicit_one)


def _below_ten_thousand(numeral: str, implicit_one: bool = False) -> int | None:
    """A numeral below 10,000: 一千零一十, 十一, 一百十一, 两千六, 廿二. None when it is not
    one whole numeral (一一, 百十一, 十一十二, 一百零)."""
    total, digit, last_unit, zero, after_unit = 0, None, 10**4, False, False
    for index, ch in enumerate(numeral):
        if ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 一一 is no numeral (二〇二一 years are read elsewhere)
            if CN_DIGITS[ch] == 0:
                if zero or (index == 0 and len(numeral) > 1):
                    return None
                zero, after_unit = True, False
                continue
            digit, after_unit = CN_DIGITS[ch], index > 0 and numeral[index - 1] in CN_SMALL_UNITS
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None  # units must fall: 百十一, 十一十二
            if digit is None:
                if unit != 10 and not (implicit_one and index == 0):
                    return None  # only 十 stands without its digit (十一, 一百十一, 一千零十)
                digit = 1
            total += digit * unit
            last_unit, digit, zero = unit, None, False
        elif ch in CN_TENS and index == 0:
            total, last_unit = CN_TENS[ch], 10
        else:
            return None
    if digit is not None:
        if after_unit and last_unit > 10:
            return total + digit * last_unit // 10  # 两千六 → 2600, 一百二 → 120
        return total + digit
    if zero and len(numeral) > 1:
        return None  # a trailing 零 (一百零) reads nothing
    return total


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
