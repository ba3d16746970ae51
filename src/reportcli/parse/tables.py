"""Tables in Word files and web pages, as the lines of a report (pure functions over cell text)."""
from __future__ import annotations

import re

_HEADER_CELL = re.compile(r"目标|预期|计划|完成|实际|(?:19|20)\d{2}\s*年|上年|去年|同比|增速|增长")
_HAS_NUMBER = re.compile(r"\d")


def figure_table_lines(rows: list[list[str]]) -> list[str] | None:
    """A table of figures whose first row names its columns (指标 | 2023年完成 | 2024年目标) as a
    list, a row an item and a statement a figure with its column's name after it, so that what is
    a target and what was achieved reads as in prose:
    ● 地区生产总值增长5.8%（2023年完成）；地区生产总值增长6%左右（2024年目标）。 None for another table."""
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        return None
    if is_number_header(rows[0][0]) and all(len(row) >= 3 for row in rows):
        rows = [row[1:] for row in rows]  # 序号 | 指标 | …: the row's number names nothing
    header = rows[0]
    figures_below = sum(1 for row in rows[1:] for cell in row[1:] if _HAS_NUMBER.search(cell))
    if len(header) < 3 or not figures_below or not any(_HEADER_CELL.search(cell) for cell in header[1:]) \
            or any(_HAS_NUMBER.search(cell) and not _HEADER_CELL.search(cell) for cell in header[1:]):
        return None
    unit_column = next((at for at, cell in enumerate(header) if at and is_unit_header(cell)), None)
    lines = []
    for row in rows[1:]:
        unit = row[unit_column].strip() if unit_column is not None and unit_column < len(row) else ""
        pairs = [f"{row[0]}{_with_unit(cell, unit)}（{name}）" for at, (name, cell) in enumerate(zip(header[1:], row[1:]), 1)
                 if cell and at != unit_column]
        if row[0] and pairs:
            lines.append("● " + "；".join(pairs) + "。")  # the rows of a table are the items of a list
    return lines


_NUMBER_HEADER = re.compile(r"^(?:序\s*号|编\s*号|no\.?|NO\.?|No\.?)$")


def is_number_header(cell: str) -> bool:
    """A first column that only numbers the rows (序号)."""
    return _NUMBER_HEADER.match(cell.strip()) is not None

# A column giving each row's unit (指标 | 单位 | 2023年完成 | 2024年目标): its unit goes with each number.
_UNIT_HEADER = re.compile(r"^(?:计量)?单\s*位$")


def is_unit_header(cell: str) -> bool:
    """A column that gives each row's unit (单位, 计量单位)."""
    return _UNIT_HEADER.match(cell.strip()) is not None

_BARE_VALUE = re.compile(r"^(?P<before>[约近超过不低于不高于不超过≥≤><]*)\s*(?P<number>-?\d[\d,]*(?:\.\d+)?)\s*"
                         r"(?P<after>左右|以上|以内|以下|之内|多|余)?$")


def _with_unit(cell: str, unit: str) -> str:
    """A number cell with its row's unit (6左右 and % → 6%左右); one that writes its own unit (5.2%,
    3万人) or is not a bare number stays as it is."""
    bare = _BARE_VALUE.match(cell.strip()) if unit and unit not in ("-", "—", "/") else None
    if bare is None:
        return cell
    return f"{bare.group('before')}{bare.group('number')}{unit}{bare.group('after') or ''}"


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table as report lines: a table of figures as a list (figure_table_lines); two columns of
    words as a glossary (term：definition); any other row its cells in order."""
    figures = figure_table_lines(rows)
    if figures is not None:
        return figures
    lines = []
    for row in rows:
        cells = [cell for cell in row if cell]
        if len(cells) == 2 and len(cells[0]) <= 30 and not re.search(r"[。；;]", cells[0]):
            lines.append(f"{cells[0]}：{cells[1]}")  # a two-column glossary: term, definition
        elif cells:
            lines.append("\u3000".join(cells))
    return lines


