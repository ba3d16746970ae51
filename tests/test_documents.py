"""PDF and Word reports as governments publish them: generated here (tests/documents.py), read
by `build`, `add` and `inspect` with the same results as the text they were typeset from."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, SEED, write
from documents import make_docx, make_pdf, make_scanned_pdf
from reportcli.parse import parse_report, read_document
from reportcli.text import fold

TRADITIONAL = ROOT / "tests" / "fixtures" / "reports" / "mouxian-2022-traditional.txt"


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def figures_of(report) -> list[tuple]:
    return [(f.paragraph, f.value, f.unit) for f in report.figures]


def headline_of(report) -> list[tuple]:
    return [(g.indicator, g.value, g.unit, g.comparator) for g in report.goals if g.main]


@pytest.fixture(scope="module")
def seed_report_text():
    return parse_report(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("documents")
    seed = lines_of(SEED)
    numbered, unnumbered = {}, []
    for index, line in enumerate(seed):  # the headings' numbers drawn by Word, not typed
        top = re.match(r"^[一二三四五六七八九十]+、", line)
        sub = re.match(r"^[(（][一二三四五六七八九十]+[)）]", line)
        if top and len(line) < 40:
            numbered[index], line = 0, line[top.end():]
        elif sub:
            numbered[index], line = 1, line[sub.end():]
        unnumbered.append(line)
    return {
        "indented.pdf": make_pdf(folder / "indented.pdf", seed, header="海拉尔区2021年政府工作报告"),
        "block.pdf": make_pdf(folder / "block.pdf", seed, indent=False, gap=8, page_numbers="第 {n} 页",
                              header="海拉尔区2021年政府工作报告"),
        "narrow.pdf": make_pdf(folder / "narrow.pdf", seed, width=190, title_size=18, page_numbers="- {n} -"),
        "traditional.pdf": make_pdf(folder / "traditional.pdf", lines_of(TRADITIONAL), font="MSung-Light",
                                    page_numbers="Page {n}"),
        "scanned.pdf": make_scanned_pdf(folder / "scanned.pdf"),
        "plain.docx": make_docx(folder / "plain.docx", seed),
        "numbered.docx": make_docx(folder / "numbered.docx", unnumbered, numbered=numbered),
    }


def read(path: Path):
    decoded = read_document(path.read_bytes(), path.name)
    return decoded, parse_report(decoded.text)


@pytest.mark.parametrize("name", ["indented.pdf", "block.pdf", "plain.docx", "numbered.docx"])
def test_the_seed_typeset_reads_as_the_seed(documents, seed_report_text, name):
    decoded, report = read(documents[name])
    assert decoded.format == name.rsplit(".", 1)[1]
    # Word draws its own numbers full-width: （一） where the seed typed (一)
    assert [fold(p.text) for p in report.paragraphs] == [fold(p.text) for p in seed_report_text.paragraphs]
    assert figures_of(report) == figures_of(seed_report_text)
    assert headline_of(report) == headline_of(seed_report_text)
    assert report.metadata == seed_report_text.metadata


def test_a_narrow_column_with_a_big_title(documents, seed_report_text):
    _, report = read(documents["narrow.pdf"])
    assert report.metadata.title == "2021年呼伦贝尔市海拉尔区政府工作报告"
    assert [(f.value, f.unit) for f in report.figures] == [(f.value, f.unit) for f in seed_report_text.figures]
    assert headline_of(report) == headline_of(seed_report_text)
    body = [p.text for p in report.paragraphs]
    assert not any(re.fullmatch(r"-\s*\d+\s*-", text) for text in body)


def test_a_traditional_character_pdf(documents):
    text_report = parse_report(TRADITIONAL.read_text(encoding="utf-8"))
    decoded, report = read(documents["traditional.pdf"])
    assert decoded.pages >= 1
    assert figures_of(report) == figures_of(text_report)
    assert headline_of(report) == headline_of(text_report)
    assert [t.term for t in report.terms] == [t.term for t in text_report.terms]


def test_no_page_number_or_running_header_becomes_a_paragraph(documents):
    for name in ("indented.pdf", "block.pdf", "narrow.pdf", "traditional.pdf"):
        _, report = read(documents[name])
        texts = [p.text for p in report.paragraphs]
        assert not any(re.fullmatch(r"[-—\s]*\d+[-—\s]*|第\s*\d+\s*页|Page \d+", text) for text in texts), name
        assert texts.count("海拉尔区2021年政府工作报告") == 0, name
        repairs = {r.kind: r.count for r in report.repairs}
        assert repairs.get("page numbers dropped", 0) >= (1 if name == "traditional.pdf" else 10), name


def test_phrases_cut_by_line_breaks_are_found(cli, documents, tmp_path):
    """Every line break of the typeset PDF cuts a phrase; search finds the phrase whole."""
    text = read_document(documents["indented.pdf"].read_bytes()).text
    text = text[text.index("各位代表"):]  # the body (the page chrome before it is kept line by line)
    cut = [(a.strip()[-3:], b.strip()[:3]) for a, b in zip(text.split("\n"), text.split("\n")[1:])
           if len(a.strip()) > 20 and a.strip()[-1] not in "。：:；;" and re.match(r"[\u4e00-\u9fff]", b.strip()[:1] or "x")
           and re.search(r"[\u4e00-\u9fff]{3}$", a.strip())]
    assert len(cut) > 50
    index = tmp_path / "pdf.sqlite"
    code, _, err = cli("build", str(documents["indented.pdf"]), "-o", str(index))
    assert code == 0, err
    for before, after in cut[::10]:
        code, out, _ = cli("--index", str(index), "search", before + after, "--json")
        assert code == 0 and any(before + after in hit["text"] for hit in json.loads(out)), before + after


def test_a_scanned_pdf_is_a_warning_never_an_empty_report(cli, documents, tmp_path):
    code, out, err = cli("build", str(documents["scanned.pdf"]), "-o", str(tmp_path / "x.sqlite"))
    assert code == 2 and out == "" and "no text layer" in err and "scanned.pdf" in err and "OCR" in err
    assert not (tmp_path / "x.sqlite").exists()
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(documents["scanned.pdf"].read_bytes())
    (folder / "report.docx").write_bytes(documents["plain.docx"].read_bytes())
    code, _, err = cli("build", str(folder), "-o", str(tmp_path / "y.sqlite"))
    assert code == 0 and "warning: skipped" in err and "scan.pdf" in err and "indexed 1 report" in err


def test_a_build_of_pdf_word_and_text_together(cli, documents, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(documents["block.pdf"].read_bytes())
    (folder / "b.docx").write_bytes(documents["numbered.docx"].read_bytes())
    (folder / "c.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    index = tmp_path / "all.sqlite"
    code, _, err = cli("build", str(folder), "-o", str(index))
    assert code == 0, err
    assert "repaired" in err and "a.pdf" in err  # the summary names the files that needed repairs
    code, out, _ = cli("--index", str(index), "reports", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert {row["format"] for row in rows.values()} == {"pdf", "docx", "text"}
    assert len({row["figures"] for row in rows.values()}) == 1 and rows["a"]["figures"] == 155
    code, out, _ = cli("--index", str(index), "search", "垃圾分类", "--json")
    assert {hit["report"] for hit in json.loads(out)} == {"a", "b", "c"}
    code, out, _ = cli("--index", str(index), "outline", "--report", "b", "--json")
    assert [row["label"] for row in json.loads(out)][:2] == ["一、2020年及“十三五”时期经济社会发展工作回顾",
                                                           "（一）众志成城,全力抗击新冠肺炎疫情"]


@pytest.mark.parametrize("data, name, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.doc", "convert-to docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "report.wps", ".doc/.wps"),
    (b"{\\rtf1\\ansi hello}", "report.rtf", "RTF"),
    (b"%PDF-1.4\n%garbage that is not a pdf", "broken.pdf", "not a readable PDF"),
])
def test_files_that_cannot_be_read_say_how_to_fix_them(cli, tmp_path, data, name, message):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = cli("build", str(path), "-o", str(tmp_path / "x.sqlite"))
    assert code == 2 and out == "" and message in err and name in err and err.count("\n") == 1


def test_a_zip_that_is_not_a_word_document(cli, tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    code, _, err = cli("build", str(path), "-o", str(tmp_path / "x.sqlite"))
    assert code == 2 and "not a Word .docx" in err


def test_an_encrypted_pdf(cli, tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "locked.pdf"
    page = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    page.setFont("STSong-Light", 12)
    page.drawString(72, 720, "全年地区生产总值增长5%。")
    page.save()
    code, _, err = cli("build", str(path), "-o", str(tmp_path / "x.sqlite"))
    assert code == 2 and "password" in err


def test_inspect_shows_how_a_pdf_is_read(cli, documents):
    code, out, err = cli("inspect", str(documents["block.pdf"]), "--json")
    assert code == 0 and err == ""
    [row] = json.loads(out)
    assert (row["format"], row["id"]) == ("pdf", "block") and row["pages"] >= 10
    assert row["metadata"]["year"] == {"value": 2021, "source": "front matter: meeting date"}
    assert row["counts"]["figures"] == 155 and row["counts"]["headline_targets"] == 5
    repairs = {r["kind"]: r for r in row["repairs"]}
    assert repairs["page numbers dropped"]["examples"][0] == "第 1 页"
    assert repairs["hard-wrapped lines joined"]["count"] > 100
    assert row["outline"][0] == {"number": "1", "level": 1, "label": "一、2020年及“十三五”时期经济社会发展工作回顾",
                                 "paragraph": 3}
    code, out, _ = cli("inspect", str(documents["block.pdf"]))
    assert code == 0 and out.startswith("file\t") and "page numbers dropped ×" in out


def test_inspect_names_an_unreadable_file_and_goes_on(cli, documents, tmp_path):
    code, out, err = cli("inspect", str(documents["scanned.pdf"]), str(SEED), "--json")
    assert code == 2 and "no text layer" in err
    rows = json.loads(out)
    assert "no text layer" in rows[0]["error"] and rows[1]["counts"]["paragraphs"] == 104


def test_a_file_with_no_paragraph_is_never_indexed_silently(cli, tmp_path):
    empty = write(tmp_path / "chrome.html", "<html><body><div>首页 &gt; 政务公开</div><p>责任编辑：王某</p></body></html>")
    code, out, err = cli("build", str(empty), "-o", str(tmp_path / "x.sqlite"))
    assert code == 2 and "no paragraph" in err and "chrome.html" in err
    assert not (tmp_path / "x.sqlite").exists()


def test_the_seed_on_one_line_reads_like_the_seed(cli, seed_report_text, tmp_path):
    """Some sites deliver a report as one line: split at headings, the front matter, the glossary."""
    one_line = write(tmp_path / "flat.txt", SEED.read_text(encoding="utf-8").replace("\n", ""))
    report = parse_report(one_line.read_text(encoding="utf-8"))
    assert [(f.value, f.unit) for f in report.figures] == [(f.value, f.unit) for f in seed_report_text.figures]
    assert headline_of(report) == headline_of(seed_report_text)
    assert [t.term for t in report.terms] == [t.term for t in seed_report_text.terms]
    assert (report.metadata.date, report.metadata.region, report.metadata.office) == ("2021-03-02", "海拉尔区", "区长")
    index = tmp_path / "flat.sqlite"
    code, _, err = cli("build", str(one_line), "-o", str(index))
    assert code == 0 and "one-line text split into paragraphs" in err
    code, out, _ = cli("--index", str(index), "search", "垃圾分类", "--json")
    _, seed_out, _ = cli("search", "垃圾分类", "--json")
    hits, seed_hits = json.loads(out), json.loads(seed_out)
    assert len(hits) == len(seed_hits) == 2
    for hit, seed_hit in zip(sorted(hits, key=lambda h: h["paragraph"]), sorted(seed_hits, key=lambda h: h["paragraph"])):
        sentence = next(s for s in re.split(r"(?<=[。;])", seed_hit["text"]) if "垃圾分类" in s)
        assert sentence in hit["text"]
