"""Make the PDF and Word files the tests read (no binary fixtures in the repository).

PDFs are typeset with reportlab's built-in CID fonts (STSong-Light for simplified, MSung-Light
for traditional characters), which need no font files; Word files with python-docx, with real
Word numbering (numbering.xml) for the headings when asked.
"""
from __future__ import annotations

import copy
from pathlib import Path


def make_pdf(path: Path, paragraphs: list[str], *, font: str = "STSong-Light", size: float = 12,
             indent: bool = True, gap: float = 0, header: str | None = None, page_numbers: str | None = "— {n} —",
             width: float | None = None, title_size: float | None = None) -> Path:
    """Paragraphs typeset as a PDF: wrapped by the typesetter, first lines indented (or not, with
    `gap` points between paragraphs), a running header and page numbers on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont(font))
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.6,
                          firstLineIndent=2 * size if indent else 0, spaceAfter=gap, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=title_size or size, leading=(title_size or size) * 1.4,
                           firstLineIndent=0, alignment=1)
    margin = (A4[0] - width) / 2 if width else 72

    def furniture(canvas, document) -> None:
        canvas.setFont(font, 9)
        if page_numbers:
            canvas.drawCentredString(A4[0] / 2, 24, page_numbers.format(n=document.page))
        if header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 32, header)

    story = []
    for index, text in enumerate(paragraphs):
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        story.append(Paragraph(escaped, title if index == 0 and title_size else body))
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin)
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A PDF whose pages are only pictures: no text layer, as a scan gives."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        page.setFillGray(0.3)
        for row in range(40):
            page.rect(72, 760 - row * 18, 450, 9, fill=1, stroke=0)  # lines of "text" as drawn shapes
        page.showPage()
    page.save()
    return path


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(path: Path, paragraphs: list[str], *, numbered: dict[int, int] | None = None) -> Path:
    """Paragraphs as a Word document. `numbered` maps a paragraph index to a numbering level
    (0: 一、 1: （一）): Word draws those numbers, so they are not in the paragraph's text."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbered = numbered or {}
    num_id = _add_chinese_numbering(document) if numbered else None
    for index, text in enumerate(paragraphs):
        paragraph = document.add_paragraph(text)
        if index in numbered:
            level = numbered[index]
            properties = paragraph._p.get_or_add_pPr()
            properties.append(parse_xml(
                f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(str(path))
    return path


def _add_chinese_numbering(document) -> str:
    """A numbering definition like government reports use: level 0 一、, level 1 （一）."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>')
    num = parse_xml(f'<w:num xmlns:w="{_W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    first_num = numbering.find(f"{{{_W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements come before num elements
    else:
        numbering.append(abstract)
    numbering.append(copy.deepcopy(num))
    return "90"
