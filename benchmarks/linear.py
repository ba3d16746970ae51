"""Build work grows linearly with the text: parse paragraphs without punctuation of growing size.

    python benchmarks/linear.py [--sizes 10000 40000 160000 640000]

A page flattened to one line (no line breaks, few sentence marks) is one huge paragraph; figure
and target extraction must bound their work per figure. Prints the parse time per size and the
time per 1,000 characters, which stays flat when the work is linear (the segmenter is loaded
once, before timing). Exits 1 when the largest size costs over 2.5× the smallest per character.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

WORDS = ["地区生产总值", "增长", "全年完成投资", "城镇新增就业", "项目", "建设", "推进", "发展", "企业", "实现",
         "收入", "力争"]


def flat_text(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        part = rng.choice(WORDS)
        if rng.random() < 0.3:
            part += f"{rng.randint(1, 999)}{rng.choice(['亿元', '人', '%', '个'])}"
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000, 160_000, 640_000])
    args = parser.parse_args()
    from reportcli.parse import parse_report

    parse_report("一、回顾\n全年新建项目5个。")  # load the segmenter before timing
    print("| characters | figures | seconds | ms per 1,000 characters |")
    print("|---:|---:|---:|---:|")
    per_thousand = []
    for size in args.sizes:
        text = "三、今年工作安排\n" + flat_text(size)
        start = time.perf_counter()
        report = parse_report(text)
        elapsed = time.perf_counter() - start
        per_thousand.append(1000 * elapsed / size * 1000)
        print(f"| {size:,} | {len(report.figures):,} | {elapsed:.2f} | {per_thousand[-1]:.1f} |")
    ratio = per_thousand[-1] / per_thousand[0]
    print(f"\nlargest / smallest cost per character: {ratio:.2f}× (linear ≈ 1×; budget ≤ 2.5×)")
    return 0 if ratio <= 2.5 else 1


if __name__ == "__main__":
    sys.exit(main())
