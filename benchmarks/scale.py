"""Scale benchmark: a synthetic corpus of 10,000 reports (benchmarks/corpus.py: every level, size and shape).

    python benchmarks/scale.py [--reports 10000] [--rounds 11] [--out benchmarks/out]

1. Generates the corpus (not committed; benchmarks/corpus.py): reports of every level, year and
   size from the seed's paragraphs, figures redrawn, sentences dropped, repeated and recombined,
   so that no two reports are alike. One report in a thousand mentions a rare term (稀土永磁);
   量子计算 and 火箭 appear nowhere.
2. Times `reportcli build corpus/ -o corpus.sqlite` (both cores) and reports the index size.
3. Times cold `reportcli --index corpus.sqlite search …` processes against `python -c pass`
   (interleaved rounds, medians, page cache warm) and records each query's peak RSS.
Prints a Markdown table; exits 1 when a budget (15× the floor, 200 MB) is missed.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import RARE_TERM, generate  # noqa: E402 - the benchmarks' shared corpus generator

QUERIES = {"common (就业)": "就业", f"rare ({RARE_TERM})": RARE_TERM, "miss (量子计算)": "量子计算", "2-char miss (火箭)": "火箭"}
RATIO_BUDGET, RSS_BUDGET_MB = 15.0, 200.0


def _reportcli() -> list[str]:
    beside = Path(sys.executable).parent / "reportcli"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "reportcli"]


def _run(argv: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--reuse", action="store_true", help="keep an existing corpus and index")
    args = parser.parse_args()
    corpus, index = args.out / f"corpus-{args.reports}", args.out / f"corpus-{args.reports}.sqlite"

    rows: list[tuple[str, str]] = []
    if not (args.reuse and index.exists()):
        started = time.perf_counter()
        generate(corpus, args.reports)
        print(f"generated {args.reports} reports in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        started = time.perf_counter()
        subprocess.run([*_reportcli(), "build", str(corpus), "-o", str(index)], check=True)
        rows.append(("build (2 cores)", f"{time.perf_counter() - started:.0f} s"))
    import sqlite3

    connection = sqlite3.connect(index)
    paragraphs = connection.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    reports = connection.execute("SELECT count(*) FROM reports").fetchone()[0]
    connection.close()
    rows.append(("corpus", f"{reports:,} reports, {paragraphs:,} paragraphs"))
    rows.append(("index size", f"{index.stat().st_size / 2**20:,.0f} MB"))

    runs = {"python -c pass": [sys.executable, "-c", "pass"],
            "minimal Typer app": [sys.executable, str(ROOT / "benchmarks" / "minimal_typer.py"), "noop"]}
    runs.update({name: [*_reportcli(), "--index", str(index), "search", query, "--json"]
                 for name, query in QUERIES.items()})
    for argv in runs.values():  # warm the page cache and .pyc files
        _run(argv)
    times: dict[str, list[float]] = {name: [] for name in runs}
    peaks: dict[str, float] = {name: 0.0 for name in runs}
    for _ in range(args.rounds):
        for name, argv in runs.items():
            seconds, rss = _run(argv)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], rss)
    floor = statistics.median(times["python -c pass"])
    typer_floor = statistics.median(times["minimal Typer app"])
    failed = False
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n| cold `search --json` | median ms | × Typer app | × python -c pass | peak RSS MB |\n"
          "|---|---:|---:|---:|---:|")
    for name in runs:
        median = statistics.median(times[name])
        ratio = median / floor
        missed = name in QUERIES and (ratio > RATIO_BUDGET or peaks[name] > RSS_BUDGET_MB)
        failed |= missed
        print(f"| {name} | {median * 1000:.0f} | {median / typer_floor:.2f}× | {ratio:.1f}× | "
              f"{peaks[name]:.0f}{' **missed**' if missed else ''} |")
    print(f"\nbudgets: ≤ {RATIO_BUDGET:g}× the floor, ≤ {RSS_BUDGET_MB:g} MB peak RSS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
