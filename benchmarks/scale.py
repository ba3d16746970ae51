"""Scale benchmark: build and query indexes of 1,000, 5,000 and 20,000 varied reports (issue 28).

    python benchmarks/scale.py [--sizes 1000,5000,20000] [--runs 3] [--rounds 5] [--out benchmarks/out]

1. Generates the largest corpus once (benchmarks/corpus.py: reports of every level, year, size
   and shape made from the seed's paragraphs, figures redrawn, sentences varied; not committed);
   each smaller corpus is its first N reports (hard links).
2. Builds each corpus `--runs` times (`reportcli build DIR -o FILE --force`, every core),
   recording the wall time, the cost per report, the throughput and the peak RSS of the whole
   build: the sum over the main process and its workers, sampled every 0.1 s from /proc.
3. Reports the index size against the bytes of the text it holds.
4. Times cold query processes on each index, paired with a minimal Typer app in the same round
   (benchmarks/minimal_typer.py; medians of `--rounds`), and records each one's peak RSS:
   `search 就业`, `metrics --code gdp_growth`, `goals --check --code gdp_growth --limit 0`,
   `trend gdp_growth`, all `--json`.
5. Projects the largest size's cost per report and index bytes per report to 75,000 reports.

Prints Markdown (BENCHMARKS.md keeps the runs); exits 1 when a budget of issue 28 is missed:
build ≤ 12 ms a report and flat (the largest size ≤ 1.15× the smallest's cost per report), index ≤
1.5× its text, queries ≤ 1.3× the Typer app and ≤ 100 MB, the build ≤ 1.5 GB in all.
`--reuse` keeps corpora and indexes that exist (to measure queries again without building).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402 - the benchmarks' shared corpus generator

QUERIES = {
    "search 就业": ["search", "就业"],
    "metrics --code gdp_growth": ["metrics", "--code", "gdp_growth"],
    "goals --check --code gdp_growth --limit 0": ["goals", "--check", "--code", "gdp_growth", "--limit", "0"],
    "trend gdp_growth": ["trend", "gdp_growth"],
}
BUILD_MS_BUDGET, FLAT_BUDGET, SIZE_BUDGET = 12.0, 1.15, 1.5
QUERY_RATIO_BUDGET, QUERY_RSS_BUDGET_MB, BUILD_RSS_BUDGET_MB = 1.3, 100.0, 1536.0
EVERY_REPORT = 75_000


def _reportcli() -> list[str]:
    beside = Path(sys.executable).parent / "reportcli"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "reportcli"]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "REPORTCLI_INDEX")}


def _run(argv: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(argv)}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                pending += [int(child) for child in children.read_text().split()]
            except OSError:
                pass
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _build(corpus: Path, index: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB summed over the build's processes)."""
    start = time.perf_counter()
    process = subprocess.Popen([*_reportcli(), "build", str(corpus), "-o", str(index), "--force"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    peak = [0.0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], sum(_rss_mb(pid) for pid in _tree(process.pid)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"build of {corpus} failed: {err.decode()[-500:]}")
    return seconds, peak[0]


def _subset(full: Path, folder: Path, count: int) -> None:
    """The first `count` reports of the full corpus, hard-linked (a build refuses symlinks)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        name = f"r{number:05d}.txt"
        if not (folder / name).exists():
            os.link(full / name, folder / name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--reuse", action="store_true", help="keep corpora and indexes that exist")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    full = args.out / f"corpus-{sizes[-1]}"
    if not (args.reuse and full.is_dir() and len(list(full.glob("*.txt"))) >= sizes[-1]):
        started = time.perf_counter()
        generate(full, sizes[-1])
        print(f"generated {sizes[-1]} reports in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    builds: dict[int, list[tuple[float, float]]] = {}
    ratios: dict[int, float] = {}
    for size in sizes:
        corpus = full if size == sizes[-1] else args.out / f"corpus-{size}"
        if corpus != full:
            _subset(full, corpus, size)
        index = args.out / f"corpus-{size}.sqlite"
        if not (args.reuse and index.exists()):
            builds[size] = []
            for run in range(args.runs):
                builds[size].append(_build(corpus, index))
                print(f"{size} reports, run {run + 1}: {builds[size][-1][0]:.0f} s, "
                      f"peak RSS {builds[size][-1][1]:,.0f} MB", file=sys.stderr, flush=True)
        text = sum(path.stat().st_size for path in corpus.glob("*.txt"))
        ratios[size] = index.stat().st_size / text
        print(f"{size}: text {text / 2**20:,.0f} MB, index {index.stat().st_size / 2**20:,.0f} MB", file=sys.stderr)

    missed: list[str] = []
    if builds:
        print("| reports | text MB | build s (runs) | ms a report | MB/s | peak RSS of the build MB | index / text |\n"
              "|---:|---:|---|---:|---:|---:|---:|")
        for size, runs in builds.items():
            corpus = full if size == sizes[-1] else args.out / f"corpus-{size}"
            text = sum(path.stat().st_size for path in corpus.glob("*.txt"))
            seconds = statistics.median(run[0] for run in runs)
            peak = max(run[1] for run in runs)
            print(f"| {size:,} | {text / 2**20:,.0f} | {' / '.join(f'{run[0]:.0f}' for run in runs)} | "
                  f"{seconds / size * 1000:.1f} | {text / 2**20 / seconds:.2f} | {peak:,.0f} | {ratios[size]:.2f}× |")
            if seconds / size * 1000 > BUILD_MS_BUDGET:
                missed.append(f"build {size}: {seconds / size * 1000:.1f} ms a report > {BUILD_MS_BUDGET:g}")
            if peak > BUILD_RSS_BUDGET_MB:
                missed.append(f"build {size}: {peak:,.0f} MB > {BUILD_RSS_BUDGET_MB:g}")
        per_report = {size: statistics.median(run[0] for run in runs) / size for size, runs in builds.items()}
        smallest, largest = min(per_report), max(per_report)
        growth = per_report[largest] / per_report[smallest]
        if growth > FLAT_BUDGET:
            missed.append(f"cost per report grows {growth:.2f}× from {smallest:,} to {largest:,} reports")
        index = args.out / f"corpus-{largest}.sqlite"
        print(f"\nprojection to {EVERY_REPORT:,} reports (from {largest:,}): build "
              f"{per_report[largest] * EVERY_REPORT / 60:.0f} min, index "
              f"{index.stat().st_size / largest * EVERY_REPORT / 2**30:.1f} GB; cost per report "
              f"{growth:.2f}× from {smallest:,} to {largest:,} reports")
    for size, ratio in ratios.items():
        if ratio > SIZE_BUDGET:
            missed.append(f"index {size}: {ratio:.2f}× its text > {SIZE_BUDGET:g}×")

    typer_app = [sys.executable, str(ROOT / "benchmarks" / "minimal_typer.py"), "noop"]
    print("\n| reports | query (--json) | median ms | Typer app ms | × Typer app | peak RSS MB |\n"
          "|---:|---|---:|---:|---:|---:|")
    for size in sizes:
        index = args.out / f"corpus-{size}.sqlite"
        commands = {name: [*_reportcli(), "--index", str(index), *argv, "--json"] for name, argv in QUERIES.items()}
        for argv in (typer_app, *commands.values()):  # warm the page cache and .pyc files
            _run(argv)
        ratios_of: dict[str, list[float]] = {name: [] for name in commands}
        seconds_of: dict[str, list[float]] = {name: [] for name in commands}
        typer_times: list[float] = []
        peaks: dict[str, float] = {name: 0.0 for name in commands}
        for _ in range(args.rounds):
            for name, argv in commands.items():  # each query paired with a Typer app run beside it
                floor, _ = _run(typer_app)
                seconds, rss = _run(argv)
                typer_times.append(floor)
                seconds_of[name].append(seconds)
                ratios_of[name].append(seconds / floor)
                peaks[name] = max(peaks[name], rss)
        for name in commands:
            ratio = statistics.median(ratios_of[name])
            print(f"| {size:,} | `{name}` | {statistics.median(seconds_of[name]) * 1000:,.0f} | "
                  f"{statistics.median(typer_times) * 1000:.0f} | {ratio:.2f}× | {peaks[name]:.0f} |")
            if size == sizes[-1] and (ratio > QUERY_RATIO_BUDGET or peaks[name] > QUERY_RSS_BUDGET_MB):
                missed.append(f"{name} on {size:,}: {ratio:.2f}×, {peaks[name]:.0f} MB")
    print("\nbudgets missed:" if missed else "\nevery budget met", *(f"- {line}" for line in missed), sep="\n")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
