"""Build throughput: text, PDF and Word reports, beside a bare segmentation pass of the same text.

    python benchmarks/build.py [--reports 100] [--rounds 3] [--formats text pdf docx]

Generates distinct reports of every level, size and shape (benchmarks/corpus.py), writes each as .txt,
and typesets the same reports as .pdf and .docx (tests/documents.py). Each round times, as cold
processes: `reportcli build` of each format, and the reference — one process that loads jieba
and cuts the same text (what any jieba-based indexer must at least do). Prints medians, reports
per second and each build's ratio to the reference; the budget (issue 16) is text ≤ 0.7×.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

REFERENCE = """
import sys, logging, jieba
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
text = open(sys.argv[1], encoding="utf-8").read()
for line in text.split("\\n"):
    jieba.lcut(line)
"""


def make_corpus(folder: Path, count: int, formats: list[str]) -> dict[str, Path]:
    from corpus import generate

    text_folder = folder / "text"
    generate(text_folder, count)
    folders = {"text": text_folder}
    if "pdf" in formats or "docx" in formats:
        from documents import make_docx, make_pdf

        for kind in ("pdf", "docx"):
            if kind in formats:
                (folder / kind).mkdir()
                folders[kind] = folder / kind
        for path in sorted(text_folder.glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
            if "pdf" in formats:
                make_pdf(folder / "pdf" / f"{path.stem}.pdf", lines, header=lines[0][:30])
            if "docx" in formats:
                make_docx(folder / "docx" / f"{path.stem}.docx", lines)
    everything = "\n".join(p.read_text(encoding="utf-8") for p in sorted(text_folder.glob("*.txt")))
    (folder / "all.txt").write_text(everything, encoding="utf-8")
    return folders


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if result.returncode:
        raise SystemExit(f"{' '.join(argv)} failed: {result.stderr.decode()[-400:]}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--formats", nargs="+", default=["text", "pdf", "docx"])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reportcli-build-"))
    folders = make_corpus(folder, args.reports, args.formats)
    megabytes = sum(p.stat().st_size for p in folders["text"].glob("*.txt")) / 1e6
    runs: dict[str, list[float]] = {"jieba load + cut (reference)": []}
    runs.update({f"build {kind}": [] for kind in args.formats})
    for _ in range(args.rounds):
        runs["jieba load + cut (reference)"].append(
            timed([sys.executable, "-c", REFERENCE, str(folder / "all.txt")]))
        for kind in args.formats:
            out = folder / f"{kind}.sqlite"
            if out.exists():
                out.unlink()
            runs[f"build {kind}"].append(timed([sys.executable, "-m", "reportcli", "build", str(folders[kind]),
                                                "-o", str(out)]))
    reference = statistics.median(runs["jieba load + cut (reference)"])
    print(f"{args.reports} reports, {megabytes:.1f} MB of text, {os.cpu_count()} cores, {args.rounds} rounds\n")
    print("| run | median s | range s | reports/s | × reference |")
    print("|---|---:|---:|---:|---:|")
    for name, times in runs.items():
        median = statistics.median(times)
        print(f"| {name} | {median:.2f} | {min(times):.2f}–{max(times):.2f} | {args.reports / median:.1f} "
              f"| {median / reference:.2f}× |")
    ratio = statistics.median(runs["build text"]) / reference if "build text" in runs else 0
    return 0 if ratio <= 0.7 else 1


if __name__ == "__main__":
    sys.exit(main())
