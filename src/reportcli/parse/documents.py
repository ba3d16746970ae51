"""PDF and Word files → text that the repair stage and the parser read (pure: bytes in, text out).

PDF: the text layer, read with pypdfium2 (PDFium, the engine of Chrome's PDF viewer). Chosen
over pypdf after measuring both on our generated report PDFs (see README, "Reading PDF and
Word files"): the same characters, 2–3× faster, and it gives each character's position, which
tells an indented line (a new paragraph) from a wrapped one. Pages are separated by a form feed
and an indented line starts with two ideographic spaces: the conventions `parse.repair` reads.

Word (.docx): python-docx, paragraphs and tables in document order, with the numbers Word
draws itself for numbered headings (一、 （一） 1.) put back into the text.

Both libraries are imported only when such a file is met: queries never pay for them.
"""
from __future__ import annotations

import io
import re
from collections import Counter

from reportcli.errors import InputError
from reportcli.parse.limits import MAX_TEXT_CHARACTERS
from reportcli.parse.tables import table_lines

INDENT = "\u3000\u3000"
_PAGE_BREAK = "\f"
# Below this many characters a page a scanned image: the text layer is missing or nearly so.
_TEXT_PER_PAGE = 20


def pdf_text(data: bytes) -> tuple[str, int]:
    """(text, pages) of a PDF's text layer; InputError for an encrypted, broken or scanned PDF."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError("the PDF is password-protected: save an unprotected copy first") from None
        raise InputError(f"not a readable PDF ({exc})") from None
    try:
        pages, total = [], 0
        for index in range(len(document)):
            pages.append(_page_lines(document[index]))
            total += sum(len(line) for line in pages[-1][0])
            if total > MAX_TEXT_CHARACTERS:
                raise InputError(f"the PDF's text runs past {MAX_TEXT_CHARACTERS:,} characters by page {index + 1}: "
                                 "more than one report; split it")
    finally:
        document.close()
    characters = sum(len(re.sub(r"\s", "", line)) for lines, _ in pages for line in lines)
    if characters < _TEXT_PER_PAGE * max(1, len(pages)) // 2:
        raise InputError(f"the PDF has no text layer ({characters} characters on {len(pages)} pages): it looks "
                         "like a scanned image; run OCR on it first (e.g. ocrmypdf --language chi_sim)")
    layout = _Layout([box for _, boxes in pages for box in boxes if box],
                     [(a, b) for _, boxes in pages for a, b in zip(boxes, boxes[1:]) if a and b])
    return _PAGE_BREAK.join(layout.mark(lines, boxes) for lines, boxes in pages), len(pages)


def _page_lines(page) -> tuple[list[str], list]:  # page: pypdfium2.PdfPage
    """A page's lines, each with the loose box of its first character (None when unknown)."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        count = textpage.count_chars()
        lines, starts, position = [], [], 0
        for line in text.replace("\r\n", "\n").split("\n"):
            lines.append(line)
            starts.append(position)
            position += len(line) + (2 if text[position + len(line):position + len(line) + 2] == "\r\n" else 1)
        if len(text) != count:  # characters outside the BMP: positions no longer line up
            return lines, [None] * len(lines)
        # loose boxes span the font's full height, so lines compare alike whatever their first glyph
        boxes = [textpage.get_charbox(start + len(line) - len(line.lstrip()), loose=True)
                 if line.strip() and start < count else None for line, start in zip(lines, starts)]
    finally:
        textpage.close()
    return lines, boxes


class _Layout:
    """The document's body margin, character width and line spacing, measured over all pages,
    to tell a paragraph's first line (indented, or below a wider gap) from a wrapped one."""

    def __init__(self, boxes: list, pairs: list) -> None:
        lefts = [round(box[0]) for box in boxes]
        self.margin = _body_margin(lefts) if lefts else 0.0
        widths = sorted(box[2] - box[0] for box in boxes if box[2] > box[0])
        self.character = widths[len(widths) // 2] if widths else 10.0
        steps = sorted(a[3] - b[3] for a, b in pairs if a[3] > b[3])
        self.spacing = steps[len(steps) // 2] if steps else None

    def mark(self, lines: list[str], boxes: list) -> str:
        """The page's text with paragraph starts marked by an indent (see the module docstring)."""
        marked, previous = [], None
        for line, box in zip(lines, boxes):
            if box and (box[0] - self.margin >= 0.9 * self.character
                        or _paragraph_gap(previous, box, self.margin, self.character, self.spacing)):
                line = INDENT + line.lstrip()
            if box:
                previous = box
            marked.append(line)
        return "\n".join(marked)


def _paragraph_gap(previous, box, margin: float, character: float, spacing: float | None) -> bool:
    """A wider gap than between the lines of a paragraph, below a body line (not a centred
    running header, whose gap to the text is wider still)."""
    if previous is None or not spacing or previous[0] - margin >= 3 * character:
        return False
    return 1.35 * spacing < previous[3] - box[3] < 2.5 * spacing


def _body_margin(lefts: list[int]) -> float:
    """The left edge most lines start at (body text); indented and centred lines start further right."""
    counts = Counter(lefts)
    common = [left for left, n in counts.items() if n >= max(2, counts.most_common(1)[0][1] // 3)]
    return min(common) if common else min(lefts)


# ---------------------------------------------------------------- Word

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                    "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"}


def docx_text(data: bytes) -> str:
    """The text of a .docx, each paragraph a line (marked as a paragraph start), tables a row a line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word .docx document ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - lxml and zipfile raise many kinds on a damaged file
        raise InputError("not a readable Word .docx document (the file is damaged or not a .docx)") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            text = "".join(_paragraph_runs(element))
            prefix = numbering.prefix(element, document)
            for n, piece in enumerate((prefix + text).split("\n")):
                lines.append((INDENT if n == 0 else "") + piece)
        elif element.tag == f"{_W}tbl":
            rows = [["".join("".join(_paragraph_runs(p)) for p in cell.iter(f"{_W}p")).strip()
                     for cell in row.iter(f"{_W}tc")] for row in element.iter(f"{_W}tr")]
            lines.extend(INDENT + line for line in table_lines(rows))
    text = "\n".join(lines)
    if len(text) > MAX_TEXT_CHARACTERS:
        raise InputError(f"the Word document's text runs to {len(text):,} characters: more than one report; split it")
    return text


def _paragraph_runs(paragraph) -> list[str]:
    """The text of a w:p element: runs, tabs and line breaks, hyperlinks and fields included."""
    parts = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return parts


class _Numbering:
    """The numbers Word draws for numbered paragraphs (they are not in the text): 一、 （一） 1."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (format, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels = {}
            for level in node.iter(f"{_W}lvl"):
                fmt, text, start = _child_val(level, "numFmt", "decimal"), _child_val(level, "lvlText", ""), \
                    int(_child_val(level, "start", "1") or 1)
                levels[int(level.get(f"{_W}ilvl", "0"))] = (fmt, text, start)
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for node in root.iter(f"{_W}num"):
            abstract_id = _child_val(node, "abstractNumId", "")
            for ilvl, spec in abstract.get(abstract_id, {}).items():
                self.levels[(node.get(f"{_W}numId"), ilvl)] = spec
            self.abstract_of[node.get(f"{_W}numId")] = abstract_id

    def prefix(self, paragraph, document) -> str:
        num_id, ilvl = _num_pr(paragraph, document)
        if num_id is None or (num_id, ilvl) not in self.levels:
            return ""
        fmt, text, start = self.levels[(num_id, ilvl)]
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]  # a new item restarts the levels below it

        def number(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            spec = self.levels.get((num_id, level), (fmt, "", 1))
            return _format_number(counters.get(level, spec[2]), spec[0])

        return re.sub(r"%(\d)", number, text) if fmt != "bullet" else ""


def _child_val(node, name: str, default: str) -> str:
    child = node.find(f"{_W}{name}")
    return child.get(f"{_W}val", default) if child is not None else default


def _num_pr(paragraph, document) -> tuple[str | None, int]:
    properties = paragraph.find(f"{_W}pPr")
    num_pr = properties.find(f"{_W}numPr") if properties is not None else None
    if num_pr is None and properties is not None:  # numbering given by the paragraph's style
        style = properties.find(f"{_W}pStyle")
        if style is not None:
            try:
                element = document.styles[style.get(f"{_W}val")].element
            except KeyError:
                element = None
            style_pr = element.find(f"{_W}pPr") if element is not None else None
            num_pr = style_pr.find(f"{_W}numPr") if style_pr is not None else None
    if num_pr is None:
        return None, 0
    return _child_val(num_pr, "numId", "") or None, int(_child_val(num_pr, "ilvl", "0") or 0)


_CHINESE_DIGITS = "〇一二三四五六七八九"


def _format_number(value: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return _chinese(value)
    if fmt == "ideographDigital":
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(value))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _chinese(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers stay below a hundred)."""
    if value < 10:
        return _CHINESE_DIGITS[value]
    tens, ones = divmod(value, 10)
    if value < 100:
        return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
    return str(value)


def _roman(value: int) -> str:
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for number, letters in numerals:
        while value >= number:
            out, value = out + letters, value - number
    return out
