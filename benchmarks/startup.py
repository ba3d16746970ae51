"""Cold-process start-up benchmark: medians of whole runs, as ratios to a minimal Typer app.

    python benchmarks/startup.py [--rounds 21] [--index FILE]

Every round runs each command once, interleaved, so machine noise hits all of them alike; the
table reports medians, each median's ratio to a minimal Typer app with one no-op command (the
floor any Typer CLI pays; itself about 5–6× `python -c pass`) and to `python -c pass`, all
measured in the same run. Two clocks: wall time, and the CPU time (user + system) the child
process used; start-up is CPU-bound, so they agree within a few per cent. On a shared virtual
machine both drift by ±10% over a run as neighbours steal cycles, so the budgets (ratio to the
Typer app, in BUDGETS) are checked on the paired ratio — in each round, the command's CPU time
over the Typer app's in that round, median over rounds — which cancels the drift a ratio of
medians keeps. The script exits 1 when a budget is missed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUDGETS = {  # × the minimal Typer app
    "search 垃圾分类 --json": 1.2,
    "metrics 地区生产总值 --json": 1.2,
    "goals --json": 1.2,
    "define 六稳 --json": 1.2,
    "search 垃圾分类 (Rich table)": 1.7,
}


def commands(index: str | None) -> dict[str, tuple[list[str], dict[str, str]]]:
    python = sys.executable
    beside = Path(sys.executable).parent / "reportcli"  # the console script of this interpreter's env
    exe = str(beside) if beside.exists() else shutil.which("reportcli") or ""
    cli = [exe] if exe else [python, "-m", "reportcli"]
    glob = ["--index", index] if index else []
    complete_env = {"_REPORTCLI_COMPLETE": "complete_bash", "COMP_WORDS": "reportcli search x --report h",
                    "COMP_CWORD": "4"}
    return {
        "python -c pass": ([python, "-c", "pass"], {}),
        "minimal Typer app": ([python, str(HERE / "minimal_typer.py"), "noop"], {}),
        "search 垃圾分类 --json": ([*cli, *glob, "search", "垃圾分类", "--json"], {}),
        "metrics 地区生产总值 --json": ([*cli, *glob, "metrics", "地区生产总值", "--json"], {}),
        "goals --json": ([*cli, *glob, "goals", "--json"], {}),
        "define 六稳 --json": ([*cli, *glob, "define", "六稳", "--json"], {}),
        "search 垃圾分类 (Rich table)": ([*cli, *glob, "search", "垃圾分类", "--format", "table"], {"COLUMNS": "120"}),
        "--help": ([*cli, "--help"], {}),
        "completion (--report)": ([*cli], complete_env),
    }


def time_once(argv: list[str], extra_env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run."""
    env = {**os.environ, **extra_env}
    # Users run from compiled .pyc files (pip writes them at install); an editable checkout
    # gets them on the warm-up run unless bytecode writing is switched off, so switch it on.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped above; keeps Popen from waiting again
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--index", help="index to query (default: the bundled one)")
    args = parser.parse_args()
    runs = commands(args.index)
    for argv, env in runs.values():  # warm the page cache and the .pyc files
        time_once(argv, env)
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, (argv, env) in runs.items():
            seconds, used = time_once(argv, env)
            wall[name].append(seconds)
            cpu[name].append(used)
    floor = {clock: statistics.median(samples["python -c pass"]) for clock, samples in (("wall", wall), ("cpu", cpu))}
    typer_floor = {clock: statistics.median(samples["minimal Typer app"])
                   for clock, samples in (("wall", wall), ("cpu", cpu))}
    print("| command | wall ms | × Typer app | CPU ms | × Typer app | × python -c pass | paired × Typer app | budget |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|")
    failed = False
    for name in runs:
        wall_ms, cpu_ms = statistics.median(wall[name]), statistics.median(cpu[name])
        ratio = statistics.median(used / base for used, base in zip(cpu[name], cpu["minimal Typer app"]))
        budget = BUDGETS.get(name)
        mark = ""
        if budget is not None:
            mark = f"≤ {budget:g}×" + ("" if ratio <= budget else " **missed**")
            failed |= ratio > budget
        print(f"| `{name}` | {wall_ms * 1000:.0f} | {wall_ms / typer_floor['wall']:.2f}× | {cpu_ms * 1000:.0f} | "
              f"{cpu_ms / typer_floor['cpu']:.2f}× | {cpu_ms / floor['cpu']:.1f}× | {ratio:.2f}× | {mark} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
