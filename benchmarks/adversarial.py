"""Hostile text against every extractor: each shape's parse time as a ratio to a plain parse of
ordinary report text of the same length (one run, so the machine's speed cancels out).

    python benchmarks/adversarial.py [--lengths 100000 1000000]

A regular expression that backtracks quadratically shows as a ratio that grows tenfold when the
length does; a linear parse keeps it flat. tests/test_bounded_input.py runs the same shapes
(SHAPES) at 30,000 characters with a budget.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PROSE = ("全年地区生产总值增长5.2%，一般公共预算收入完成8.79亿元，城镇新增就业1.2万人。"
          "深化重点领域改革，优化营商环境，推动经济持续回升向好。")
_FRAME = "各位代表：\n一、2023年工作回顾\n全年增长{}%。"


def ordinary(length: int) -> str:
    """Report prose of about `length` characters, paragraphs of a normal size."""
    paragraphs = (_PROSE * 4 + "\n") * (length // (len(_PROSE) * 4 + 1) + 1)
    return _FRAME.format("") + "\n" + paragraphs[:length]


def _repeat(unit: str):
    return lambda length: _FRAME.format(unit * (length // len(unit)))


# One paragraph of each shape a regular expression could stumble on.
SHAPES = {
    "ASCII digits": _repeat("1"),
    "full-width digits": _repeat("１"),
    "decimals": _repeat("1.1"),
    "ratios": _repeat("1:"),
    "thousands separators": _repeat("1,000"),
    "scale words 一万": _repeat("一万"),
    "scale words 亿": _repeat("亿"),
    "Chinese digits": _repeat("一"),
    "百分之": _repeat("百分之"),
    "ranks 第一": _repeat("第一"),
    "percent figures": _repeat("5%"),
    "punctuation": _repeat("。，"),
    "ideographic spaces": _repeat("\u3000"),
    "spaces": _repeat(" "),
    "NULs": _repeat("\x00"),
    "dashes": _repeat("——"),
    "list numbers （一）": _repeat("（一）"),
    "headings 一、": _repeat("一、"),
    "dates": _repeat("2023年3月5日"),
    "quotes": _repeat("“"),
}


def seconds(text: str) -> float:
    from reportcli.parse import parse_report

    start = time.perf_counter()
    parse_report(text)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    seconds(ordinary(1000))  # load the segmenter first
    for length in args.lengths:
        plain = seconds(ordinary(length))
        print(f"{length:,} characters: plain pass {plain:.2f} s")
        for name, make in SHAPES.items():
            taken = seconds(make(length))
            print(f"  {name:22} {taken:7.2f} s  {taken / plain:6.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
