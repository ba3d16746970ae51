"""Why pypdfium2 reads PDFs: it against pypdf on the PDFs the tests typeset.

    pip install pypdf reportlab && python benchmarks/pdf_readers.py

For each PDF (the seed typeset with indented paragraphs, in block layout, in a narrow column;
a traditional-character report), both libraries extract the text layer; the table gives the
time per document (best of 5) and how much of the source text comes back (difflib ratio of the
Chinese characters and digits, in order: 1.000 = every character, none invented).
"""
from __future__ import annotations

import difflib
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))


def letters(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff0-9]", text))


def with_pdfium(path: Path) -> str:
    from reportcli.parse.documents import pdf_text

    return pdf_text(path.read_bytes())[0]


def with_pypdf(path: Path) -> str:
    import pypdf

    return "\f".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def best_of(function, path: Path, rounds: int = 5) -> tuple[float, str]:
    times, text = [], ""
    for _ in range(rounds):
        start = time.perf_counter()
        text = function(path)
        times.append(time.perf_counter() - start)
    return min(times), text


def main() -> int:
    from documents import make_pdf

    seed = [line.strip() for line in (ROOT / "seeds" / "hailar-2021.txt").read_text(encoding="utf-8").split("\n")
            if line.strip()]
    traditional = [line.strip() for line in (ROOT / "tests" / "fixtures" / "reports" /
                                             "mouxian-2022-traditional.txt").read_text(encoding="utf-8").split("\n")
                   if line.strip()]
    folder = Path(tempfile.mkdtemp())
    cases = {
        "seed, indented": (make_pdf(folder / "a.pdf", seed, header="海拉尔区2021年政府工作报告"), seed),
        "seed, block layout": (make_pdf(folder / "b.pdf", seed, indent=False, gap=8), seed),
        "seed, narrow column": (make_pdf(folder / "c.pdf", seed, width=190, title_size=18), seed),
        "traditional county": (make_pdf(folder / "d.pdf", traditional, font="MSung-Light"), traditional),
    }
    readers = {"pypdfium2": with_pdfium}
    try:
        import pypdf  # noqa: F401

        readers["pypdf"] = with_pypdf
    except ImportError:
        print("(pypdf is not installed: pip install pypdf to compare)")
    print("| PDF | reader | ms per document | characters recovered |")
    print("|---|---|---:|---:|")
    for name, (path, source) in cases.items():
        expected = letters("\n".join(source))
        for reader, function in readers.items():
            seconds, text = best_of(function, path)
            ratio = difflib.SequenceMatcher(None, expected, letters(text), autojunk=False).ratio()
            print(f"| {name} | {reader} | {seconds * 1000:.0f} | {ratio:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
