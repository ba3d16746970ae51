"""Bytes as published → text: the file's format (text, HTML, Markdown, PDF, Word) sniffed from
its content, encodings (UTF-8, UTF-8/16 with BOM, GB18030), and HTML pages made text."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from reportcli.errors import InputError
from reportcli.parse.limits import MAX_DOCX_INFLATION, MAX_DOCX_XML_BYTES, MAX_TEXT_BYTES
from reportcli.parse.tables import figure_table_lines

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .wps, .xls
_CONVERT = "convert it to .docx or .txt first (Word or WPS: Save As; or: libreoffice --headless --convert-to docx FILE)"


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read."""

    text: str
    format: str  # text / html / markdown / pdf / docx
    encoding: str | None  # for text formats
    pages: int | None = None  # for PDF


def read_document(data: bytes, name: str = "") -> Decoded:
    """Any report file → its text; InputError names what is wrong (empty, binary, scanned…)."""
    if data.startswith(b"%PDF-") or data[:1024].lstrip().startswith(b"%PDF-"):
        from reportcli.parse.documents import pdf_text

        text, pages = pdf_text(data)
        return Decoded(text, "pdf", None, pages)
    if data.startswith(b"PK\x03\x04"):
        if not _is_docx(data):
            raise InputError("a ZIP archive but not a Word .docx document (only .docx, .pdf, .txt, .md and .html "
                             "files are read)")
        from reportcli.parse.documents import docx_text

        return Decoded(docx_text(data), "docx", None)
    if data.startswith(_OLE):
        raise InputError(f"an old binary Word/WPS document (.doc/.wps), which reportcli cannot read: {_CONVERT}")
    if data.lstrip().startswith(b"{\\rtf"):
        raise InputError(f"an RTF document, which reportcli cannot read: {_CONVERT}")
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"{len(data) / 2**20:.0f} MB of text is far more than one report (at most "
                         f"{MAX_TEXT_BYTES >> 20} MB): split it, or make it a dataset (.jsonl/.csv, a report a row)")
    text, encoding = _decode_text(data)
    if looks_like_html(text):
        kind = "html"
    elif name.lower().endswith((".md", ".markdown")):
        kind = "markdown"
    else:
        kind = "text"
    return Decoded(text, kind, encoding)


def decode_bytes(data: bytes) -> str:
    """The text of a report file (see read_document)."""
    return read_document(data).text


def _is_docx(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        return False
    if not any(member.filename == "word/document.xml" for member in members):
        return False
    inflated = sum(member.file_size for member in members if member.filename.endswith((".xml", ".rels")))
    if inflated > min(MAX_DOCX_XML_BYTES, MAX_DOCX_INFLATION * max(len(data), 1 << 20)):
        raise InputError(f"the Word document's XML inflates to {inflated / 2**20:.0f} MB from a "
                         f"{len(data) / 2**20:.1f} MB file: more than any report (a damaged file or a zip bomb)")
    return True


def _decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file; raise InputError for empty, binary or undecodable data."""
    if not data.strip():
        raise InputError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data[:4096]:
        raise InputError("binary data, not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 or GB18030 text") from None
    # GB18030 decodes almost any byte string; real Chinese text is mostly CJK and ASCII.
    readable = sum(1 for ch in text if ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    if readable < 0.9 * len(text):
        raise InputError("not UTF-8 or GB18030 text")
    return text, "gb18030"


_HTML_SNIFF = re.compile(r"<\s*(!doctype\s+html|html|body|div|p|br)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:4096]))


_BLOCK_TAGS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
               "section", "article", "header", "footer", "ul", "ol", "dd", "dt", "blockquote"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextExtractor(HTMLParser):
    """Visible text, a line per block element. A run of text that is all link text (a menu, a
    list of other news: 热点新闻 · 我县GDP增长4.5%…) is page navigation, not the report: it goes.
    A small table of figures with named columns becomes a list (parse.tables); a table used for
    layout, or any other, keeps its text a row a line, its cells apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.link_depth = 0
        self.run: list[tuple[str, bool]] = []  # the text since the last block boundary, and whether it is a link's
        self.tables: list[dict] = []  # open tables, innermost last: where their text starts, their rows

    def _end_run(self) -> None:
        text = "".join(piece for piece, _ in self.run)
        linked = sum(len(piece.strip()) for piece, in_link in self.run if in_link)
        if not (linked and linked >= 0.8 * len(re.sub(r"\s", "", text))):
            self.parts.append(text)
        self.run = []
        self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - HTMLParser signature
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag == "a":
            self.link_depth += 1
        if tag in _BLOCK_TAGS:
            self._end_run()
        if tag == "table":
            if self.tables:
                self.tables[-1]["nested"] = True
            self.tables.append({"start": len(self.parts), "rows": [], "nested": False})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]["rows"]:
            self.tables[-1]["rows"][-1].append("")
            self.run.append(("\u3000", False))  # cells apart, not run together

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag == "a" and self.link_depth:
            self.link_depth -= 1
        if tag in _BLOCK_TAGS:
            self._end_run()
        if tag == "table" and self.tables:
            table = self.tables.pop()
            rows = [[" ".join(cell.split()) for cell in row] for row in table["rows"]]
            small = all(len(cell) <= 60 for row in rows for cell in row)
            lines = figure_table_lines(rows) if small and not table["nested"] else None
            if lines:
                self.parts[table["start"]:] = ["\n".join(lines), "\n"]

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.run.append((data, self.link_depth > 0))
            if self.tables and self.tables[-1]["rows"] and self.tables[-1]["rows"][-1]:
                self.tables[-1]["rows"][-1][-1] += data

    def close(self) -> None:
        super().close()
        self._end_run()


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one block element per line."""
    extractor = _TextExtractor()
    extractor.feed(page)
    extractor.close()
    text = html.unescape("".join(extractor.parts))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
