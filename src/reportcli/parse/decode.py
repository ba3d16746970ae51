"""Bytes as published → text: encodings (UTF-8, UTF-8/16 with BOM, GB18030) and HTML pages."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from reportcli.errors import InputError

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_bytes(data: bytes) -> str:
    """Decode a report file; raise InputError for empty, binary or undecodable data."""
    if not data.strip():
        raise InputError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data[:4096]:
        raise InputError("binary data, not a text report")
    try:
        return data.decode("utf-8")
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
    return text


_HTML_SNIFF = re.compile(r"<\s*(!doctype\s+html|html|body|div|p|br)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:4096]))


_BLOCK_TAGS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
               "section", "article", "header", "footer", "ul", "ol", "dd", "dt", "blockquote"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - HTMLParser signature
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one block element per line."""
    extractor = _TextExtractor()
    extractor.feed(page)
    extractor.close()
    text = html.unescape("".join(extractor.parts))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
