"""Datasets: build throughput of the same reports as files, as JSON Lines and as CSV; peak memory
of a build from a large JSON Lines file; the cost of re-adding a dataset with a few new rows.

    python benchmarks/datasets.py [--reports 200] [--rounds 3] [--gigabytes 0] [--new-rows 10]

The reports are benchmarks/corpus.py's generated ones (distinct, of every level, size and shape). Each build is a cold
process; times are medians over the rounds. --gigabytes N also writes a JSON Lines file of about
N GB (the generated reports repeated with fresh ids and figures) and builds it once, reporting the
peak RSS of the building process and of its largest worker (getrusage: each process's own peak).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale import _reportcli, generate  # noqa: E402


def _timed(argv: list[str]) -> tuple[float, float, float]:
    """(seconds, peak RSS of the process in MB, peak RSS of its largest child in MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{process.stderr.read().decode()[-2000:]}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, usage.ru_maxrss / 1024, max(children, before) / 1024


def _records(folder: Path):
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        year = re.search(r"(20\d\d)年", text)
        yield {"id": path.stem, "title": f"{year.group(1) if year else ''}年政府工作报告", "content": text,
               "year": year.group(1) if year else ""}


def write_datasets(folder: Path, out: Path) -> tuple[Path, Path]:
    jsonl, table = out / "corpus.jsonl", out / "corpus.csv"
    with jsonl.open("w", encoding="utf-8") as handle:
        for record in _records(folder):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with table.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "title", "year", "content"], lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(_records(folder))
    return jsonl, table


def write_big_jsonl(folder: Path, path: Path, gigabytes: float) -> int:
    """About `gigabytes` of JSON Lines: the generated reports over and over, figures changed."""
    rng = random.Random(7)
    texts = [record["content"] for record in _records(folder)]
    target, written, rows = gigabytes * 1e9, 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            text = re.sub(r"\d+\.\d", lambda m: f"{rng.uniform(0.1, 99):.1f}", texts[rows % len(texts)])
            line = json.dumps({"id": f"big-{rows}", "content": text}, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            rows += 1
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--gigabytes", type=float, default=0)
    parser.add_argument("--new-rows", type=int, default=10)
    args = parser.parse_args()
    cli = _reportcli()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = work / "files"
        generate(folder, args.reports)
        jsonl, table = write_datasets(folder, work)
        megabytes = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        print(f"{args.reports} reports, {megabytes:.1f} MB of text; {args.rounds} rounds, medians")
        results: dict[str, list[float]] = {"files": [], "jsonl": [], "csv": []}
        for _ in range(args.rounds):
            for name, source in (("files", folder), ("jsonl", jsonl), ("csv", table)):
                results[name].append(_timed([*cli, "build", str(source), "-o", str(work / f"{name}.sqlite")])[0])
        base = statistics.median(results["files"])
        for name, times in results.items():
            median = statistics.median(times)
            print(f"  build {name:5}: {median:6.2f} s  {args.reports / median:6.1f} reports/s  "
                  f"{median / base:.2f}× the files")

        # Re-adding the dataset with a few new rows parses only those.
        index = work / "jsonl.sqlite"
        with jsonl.open("a", encoding="utf-8") as handle:
            for number, record in enumerate(list(_records(folder))[:args.new_rows]):
                handle.write(json.dumps({**record, "id": f"new-{number}"}, ensure_ascii=False) + "\n")
        seconds = _timed([*cli, "--index", str(index), "add", str(jsonl)])[0]
        print(f"  add the dataset again with {args.new_rows} new rows: {seconds:.2f} s "
              f"(a build of all {args.reports}: {statistics.median(results['jsonl']):.2f} s)")

        if args.gigabytes:
            big = work / "big.jsonl"
            rows = write_big_jsonl(folder, big, args.gigabytes)
            size = big.stat().st_size / 1e9
            for path in (folder, jsonl, table):  # room on the disk for the index
                if path.is_file():
                    path.unlink()
            seconds, main_rss, worker_rss = _timed([*cli, "build", str(big), "-o", str(work / "big.sqlite")])
            print(f"  build of a {size:.2f} GB JSON Lines file ({rows} rows): {seconds:.0f} s, "
                  f"{rows / seconds:.1f} reports/s; peak RSS {main_rss:.0f} MB (building process), "
                  f"{worker_rss:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
