"""Undoing what publishing does to a report's text, before it is parsed (pure; no I/O).

Text reaches us through PDF converters, Word, web pages and wikis, and each leaves its marks:
lines hard-wrapped every 35 characters (even a title split as 政府工作报\\n告), spaces between
Chinese and digits (`286.5 亿元`, `2025 年 3 月 5 日`), page numbers and running headers between
pages, zero-width characters that split words, pinyin readings after characters
(`會(huì)議`), site boilerplate after the report, an encyclopedia page's tools, summary box,
contents list and references, and whole reports on one line. `repair_text`
undoes each of these with rules about the *kind* of damage, decided from the text itself (the
width a document is wrapped at is measured, never assumed), and reports what it did, with
examples, for `reportcli inspect`.

Conventions it reads: a form feed (\\f) separates pages (pdftotext, and our own PDF reader);
a line that starts with an indent (full-width or several spaces) starts a paragraph.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reportcli.models import Repair
from reportcli.parse.front import MEETING, SPEAKER, is_boilerplate
from reportcli.parse.tables import figure_table_lines, is_number_header, is_unit_header
from reportcli.text import fold

# ---------------------------------------------------------------- character classes

# Invisible characters: zero-width spaces and joiners, word joiner, BOM, soft hyphen, direction marks.
_INVISIBLE = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c" \
             "\u202d\u202e\u180e"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_SPACES = " \t\u00a0\u2002\u2003\u2009\u3000\u202f\u205f"
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
# Chinese and full-width punctuation: a space beside one of these is never meaningful.
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·％‰"
_TERMINAL = "。！？；：!?;:”」』）)…"

# ---------------------------------------------------------------- page furniture

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~～\s]*\d{1,4}[-—–－_~～\s]*"  # — 3 —, -3-, 3, - 3 - —
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第3页, 第3页 共20页
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/20
    r"|(?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"  # Page 2, P. 2, page 2 of 9
    r"|[-—–]?\s*[ivx]{1,5}\s*[-—–]?"  # roman page numbers of a preface
    r")$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")

# ---------------------------------------------------------------- pinyin readings

# 會(huì)議: a reading in brackets right after a character, with tone marks or tone digits.
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN_READING = re.compile(
    rf"(?<=[{_CJK}])\s?[(（]\s*((?:[a-z{_TONE_MARKS}]{{1,6}}[1-5]?\s?){{1,4}})\s*[)）]")
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er"
    r"|a|o|e|i|u|v)[1-5]?")
_DETONE = str.maketrans({**{c: "a" for c in "āáǎà"}, **{c: "e" for c in "ēéěè"}, **{c: "i" for c in "īíǐì"},
                         **{c: "o" for c in "ōóǒò"}, **{c: "u" for c in "ūúǔù"}, **{c: "v" for c in "ǖǘǚǜü"},
                         **{c: "n" for c in "ńňǹ"}, "ḿ": "m"})

# ---------------------------------------------------------------- site boilerplate

# Lines that belong to the page around a report, not to it (matched on folded text). The
# metadata fields (来源, 发布时间 …) are dropped only after the report: at its head they are metadata.
_FIELDS_AFTER = re.compile(r"^(?:来源|稿源|供稿|作者|记者|通讯员|发布时间|发布日期|浏览次数|阅读量|点击数)\s*[:：]")
_BOILERPLATE = re.compile(
    r"^(?:[【\[](?:我要纠错|纠错|打印|关闭)[】\]]\s*)*[(（]?(?:责任编辑|责编|编辑|校对|审核|审校)\s*[:：]"
    # a line of page tools: 【打印】【关闭】, 字号：默认 大 超大 | 打印 |, 【字体：大 中 小】
    r"|^(?:[【\[]?(?:我要纠错|纠错|打印|关闭|收藏|分享|复制链接|返回顶部|返回|顶部|字号|字体|默认|标准|超大|特大|大|中|小"
    r"|大字号|中字号|小字号)[】\]]?(?:\s*[:：|｜])?\s*){1,10}$"
    r"|^(?:附件\s*[:：]?\s*\d*\s*[:：]?\s*)?下载|^分享到|^扫一扫|^微信扫|^用微信|^手机扫|^打印本页|^关闭窗口|^上一篇|^下一篇|^相关(?:链接|阅读|新闻|文章)"
    r"|^(?:微信|微博|qq空间|qq|朋友圈|豆瓣|领英|facebook|twitter)$"
    r"|版权所有|网站标识码|icp备|公网安备|主办单位|承办单位|网站地图|联系我们|copyright|©"
    r"|本页面最后(?:修订|编辑)于|^知识共享|知识共享\s*署名|署名-相同方式共享|cc by|^隐私政策|^免责声明|关于维基|维基百科|"
    r"本站的全部文字|取自“|^分类\s*[:：]|^参考(?:资料|文献)$|^外部链接$|^(?:查看|编辑|讨论|历史)$|"
    r"维基文库|自由的图书馆|跳转到导航|跳转到搜索|属于公有领域|"
    r"^(?:热点新闻|热点推荐|图片新闻|最新动态|最新发布|推荐阅读|热门文章|点击排行|专题专栏|友情链接|猜你喜欢|延伸阅读)$|"
    # an encyclopedia's page (百度百科 and the like): the tools beside each heading, the labels of
    # its summary box, its reference list and its footer
    r"^(?:播报|上传视频|锁定|查看我的收藏|有用\+1|已投票|展开|收起|同义词|中文名|报告全文)$|"
    r"^(?:词条标签|词条统计|编辑次数|最近更新|突出贡献榜|本词条(?:由|认证|内容))|\[引用日期[\d\-.年月日]+\]\s*$",
    re.IGNORECASE)
# The contents list of an encyclopedia's page: 目录, then its numbered entries (1 报告全文, 2 名词解释,
# 1.1 …, ▪ …), which would otherwise read as headings (2 名词解释 as the glossary's).
_CONTENTS_HEADING = re.compile(r"^目\s*录$")
_CONTENTS_ENTRY = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[^\d\s.,。;:、].{0,29}|▪\s*\S.{0,29})$")
_TAIL_FRAGMENT = 12  # a trailing line this short without a sentence mark is page furniture
_TAIL_FRAGMENTS_NEEDED = 3
# A figure makes a short line report text (a list's last items: 居民消费价格涨幅3%左右), never page chrome.
_FIGURE_IN = re.compile(r"\d(?:\.\d+)?\s*(?:%|‰|万|亿|千|个百分点|元|人|户|个|家|项|吨|亩|公里|倍)")

# ---------------------------------------------------------------- headings (for splitting and joining)

_CN = "一二三四五六七八九十"
_HEADING_START = re.compile(
    rf"^(?:第[{_CN}]{{1,3}}部分|[{_CN}]{{1,3}}\s*(?:、|\.)|[(（]\s*[{_CN}]{{1,3}}\s*[)）]|[{_CN}]{{1,3}}是|"
    r"\d{1,2}\s*[.、．](?!\d)|[(（]\s*\d{1,2}\s*[)）]|[①-⑳]|各位代表|名\s*词\s*解\s*释|附件)")
_BULLET_START = re.compile(r"^[●•◆◇■□▪▶►○◎★☆※·\-–—]\s*")
# A one-line report is split before these when a sentence ends right before them.
_SPLIT_BEFORE = re.compile(
    rf"(?<=[。！？!?；;])\s*(?=(?:第[{_CN}]{{1,3}}部分|[{_CN}]{{1,3}}、|[(（][{_CN}]{{1,3}}[)）]|[{_CN}]{{1,3}}是|"
    r"附件|[●•◆■]))"
    rf"|(?<=[：:])\s*(?=(?:[{_CN}]{{1,3}}、|[(（][{_CN}]{{1,3}}[)）]|[●•◆■]))"
    # the front matter and the glossary, whatever precedes them: the date line, 各位代表, 名词解释
    # ((?<!\s) before a bare \s*: a run of spaces is tried from its start only, not from each of its
    # characters, which would make a long run quadratic)
    r"|(?<!\s)\s*(?=[—－-]{1,2}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月)|(?<=会议上)\s*|(?<=会议上[)）])\s*"
    r"|(?<!\s)\s*(?=各位代表\s*[:：!！,，])|(?<!\s)\s*(?=(?:附件\s*[:：]?\s*)?名\s*词\s*解\s*释)|(?<=名词解释)\s*"
    r"|(?<=名 词 解 释)\s*")
# Inside a flattened glossary: each numbered entry (1. 2、 (3)) starts a line of its own.
_GLOSSARY_ENTRY = re.compile(r"(?<=[。;；!！?？])\s*(?=(?:\d{1,3}\s*[.、．](?!\d)|[(（]\d{1,3}[)）]|[①-⑳]))")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_TOP_HEADING = re.compile(rf"^(?:第[{_CN}]{{1,3}}部分|[{_CN}]{{1,3}}、|\([{_CN}]{{1,3}}\))")
# A flattened page: a line this long with two headings after sentence ends, or any line this much longer.
_LONG_LINE, _VERY_LONG_LINE = 600, 3000
_PARAGRAPH_TARGET = 260  # sentences of a flattened page are grouped into paragraphs about this long

# Words a title is made of, which a narrow column may split (政府工作报\n告).
_TITLE_WORDS = ("政府工作报告", "名词解释", "工作报告")
_TITLE_WORD_HEADS = frozenset(word[cut - 1] for word in _TITLE_WORDS for cut in range(1, len(word)))


@dataclass(frozen=True)
class Repaired:
    text: str
    repairs: tuple[Repair, ...]


class _Log:
    """What was repaired, counted, with a few examples of each kind."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.examples: dict[str, list[str]] = {}

    def note(self, kind: str, example: str = "", count: int = 1) -> None:
        self.counts[kind] += count
        shown = self.examples.setdefault(kind, [])
        if example and len(shown) < 3 and example not in shown:
            shown.append(example if len(example) <= 40 else example[:39] + "…")

    def repairs(self) -> tuple[Repair, ...]:
        return tuple(Repair(kind, count, tuple(self.examples.get(kind, ()))) for kind, count in self.counts.items())


def repair_text(text: str) -> Repaired:
    """The text with publishing damage undone, and what was done (see the module docstring)."""
    log = _Log()
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    pages = [page.split("\n") for page in text.split("\f")]
    pages = [_without_invisible(lines, log) for lines in pages]
    pages = [[_without_wiki_marks(_without_pinyin(line, log), log) for line in lines] for lines in pages]
    lines = _without_furniture(pages, log)
    lines = _without_trailing_boilerplate(lines, log)
    lines = _without_contents_list(lines, log)
    lines = _summary_box_as_fields(lines, log)
    lines = _tables_as_lists(lines, log)
    lines = _split_flattened(lines, log)
    converter_gaps = _has_converter_gaps(lines)
    entries = [_tidy(line, log, converter_gaps) for line in lines]
    # Paragraphs are separated by a blank line, so that repairing the result again changes nothing.
    return Repaired("\n\n".join(_join_wrapped(entries, log)), log.repairs())


# ---------------------------------------------------------------- invisible characters

def _without_invisible(lines: list[str], log: _Log) -> list[str]:
    """Invisible characters go; a line holding nothing but them joins the lines around it
    (wiki pages break words as 发\\n\\u200b\\n展)."""
    out: list[str] = []
    join_next = False
    for line in lines:
        found = _INVISIBLE_RE.findall(line)
        if found:
            visible = _INVISIBLE_RE.sub("", line)
            if not visible.strip(_SPACES):
                if out:
                    join_next = True
                log.note("invisible characters removed", count=len(found))
                continue
            log.note("invisible characters removed", visible.strip()[:20], count=len(found))
            line = visible
        if join_next and out and line.strip(_SPACES):
            out[-1] = out[-1].rstrip(_SPACES) + line.strip(_SPACES)
            log.note("words split by invisible characters joined", out[-1][-12:])
            join_next = False
            continue
        join_next = False
        out.append(line)
    return out


# ---------------------------------------------------------------- pinyin readings

def _without_pinyin(line: str, log: _Log) -> str:
    if "(" not in line and "（" not in line:
        return line

    def drop(match: re.Match) -> str:
        reading = match.group(1)
        syllables = reading.split()
        if not syllables or len(syllables) > 1 and len(reading.replace(" ", "")) < 2:
            return match.group()
        plain = reading.translate(_DETONE).replace(" ", "")
        toned = any(ch in _TONE_MARKS for ch in reading) or bool(re.search(r"[1-5]", reading))
        if not toned or not _is_pinyin(plain):
            return match.group()  # (GDP), (ppp), (ab): not a reading
        log.note("pinyin readings removed", match.group().strip())
        return ""

    return _PINYIN_READING.sub(drop, line)


# Wiki pages: edit links beside headings and citation marks beside figures (一、工作回顾[编辑],
# 82.7万亿元[1]); reports themselves never write square brackets so.
_WIKI_MARK = re.compile(r"\[(?:编辑|編輯|编辑源代码|編輯原始碼|edit|隐藏|隱藏|显示|顯示|来源请求|來源請求|注\s?\d{1,3}|"
                        r"需要更新|需要來源|需要来源|需要引用|需要引证|需要引證|失效链接|失效連結|永久失效链接|永久失效連結|"
                        r"哪个\?|哪個\?|哪个？|哪個？|何时\?|何時\?|何时？|何時？|谁\?|誰\?|谁？|誰？|citation needed|"
                        r"\d{1,3}(?:[-–,，]\d{1,3})*)\]")


def _without_wiki_marks(line: str, log: _Log) -> str:
    if "[" not in line:
        return line

    def drop(match: re.Match) -> str:
        log.note("wiki marks removed", line[max(0, match.start() - 8):match.end()])
        return ""

    return _WIKI_MARK.sub(drop, line)


def _is_pinyin(letters: str) -> bool:
    """True when the letters are one or more pinyin syllables (tone digits allowed)."""
    position = 0
    while position < len(letters):
        match = _SYLLABLE.match(letters, position)
        if not match or match.end() == position:
            return False
        position = match.end()
    return True


# ---------------------------------------------------------------- page numbers and running headers

def _shape(line: str) -> str:
    """A line with its digits blurred, so running headers with page numbers compare equal."""
    return _DIGITS.sub("#", _SPACE.sub("", line))


_SPACE = re.compile(f"[{_SPACES}]")
# No line with an ideograph other than these is a page number, folded or not (頁 folds to 页):
# looking for one is a cheaper test than folding every line of a report to try _PAGE_NUMBER.
_NOT_A_PAGE_NUMBER = re.compile(r"[\u3400-\u9fff](?<![第页頁共])")


def _is_page_number(line: str) -> bool:
    return not _NOT_A_PAGE_NUMBER.search(line) and _PAGE_NUMBER.match(fold(line)) is not None


def _without_furniture(pages: list[list[str]], log: _Log) -> list[str]:
    """Page numbers and running headers and footers, which publishing puts between pages. Neither
    a page break nor the blank lines around dropped furniture end a paragraph: the joiner decides."""
    repeated = _running_lines(pages)
    out: list[str] = []
    kept_lines = 0
    for number, page in enumerate(pages):
        page_out: list[str] = []
        skip_blank = False
        for line in page:
            stripped = line.strip(_SPACES)
            if not stripped:
                if not skip_blank:
                    page_out.append(line)
                continue
            furniture = None
            if _is_page_number(stripped):
                furniture = "page numbers dropped"
            elif (number and not page_out or skip_blank) and kept_lines and _is_header_line(stripped):
                furniture = "running headers dropped"  # the title atop a page, even a report of two pages
            elif _may_run(stripped) and (shape := _shape(stripped)) in repeated:
                if not repeated[shape] and kept_lines < 40:
                    repeated[shape] = 1  # its first appearance near the top may be the title itself
                else:
                    furniture = "running headers dropped"
            if furniture:
                log.note(furniture, stripped)
                while page_out and not page_out[-1].strip(_SPACES):
                    page_out.pop()
                skip_blank = True
                continue
            skip_blank = False
            page_out.append(line)
            kept_lines += 1
        if number:  # the page break itself: drop the blank lines that surround it
            while page_out and not page_out[0].strip(_SPACES):
                page_out.pop(0)
            while out and not out[-1].strip(_SPACES):
                out.pop()
        out.extend(page_out)
    while out and not out[-1].strip(_SPACES):
        out.pop()
    return out


_HEADER_TITLE = re.compile(r"^[^。!?;,:]{0,24}(?:政府工作报告|工作报告)(?:\s*[(（]?[^。!?;,:]{0,12}[)）]?)?$")


def _is_header_line(line: str) -> bool:
    """A report's title as a running header: short, no sentence (某某市人民政府工作报告, 政府工作报告(2022))."""
    return len(line) <= 36 and _HEADER_TITLE.match(fold(line)) is not None


def _may_run(stripped: str) -> bool:
    """Could this line (stripped) be a running header or footer? Not when it ends a sentence, as
    most lines do: its shape ends so too and is never kept (a cheaper test than the shape)."""
    return stripped != "" and stripped[-1] not in _TERMINAL


def _running_lines(pages: list[list[str]]) -> dict[str, int]:
    """Shapes of short lines repeated across pages (or, with no page breaks, through the text):
    running headers and footers. Headings, interjections and sentences never count."""
    counts: Counter = Counter()
    if len(pages) >= 3:
        for page in pages:
            content = [line.strip(_SPACES) for line in page if line.strip(_SPACES)]
            for line in set(content[:3] + content[-3:]):
                if _may_run(line):
                    counts[_shape(line)] += 1
        needed = max(3, len(pages) // 3)
    else:
        for page in pages:
            for line in page:
                if _may_run(line := line.strip(_SPACES)):
                    counts[_shape(line)] += 1
        needed = 4
    return {shape: 0 for shape, count in counts.items()
            if count >= needed and shape and len(shape) <= 40 and not _HEADING_START.match(fold(shape))
            and shape[-1] not in _TERMINAL and not _PAGE_NUMBER.match(fold(shape))}


# ---------------------------------------------------------------- trailing site boilerplate

def _without_trailing_boilerplate(lines: list[str], log: _Log) -> list[str]:
    """After the report's last sentence, a web page goes on with share buttons, editors' names,
    licence notices printed a word a line: drop that tail, and boilerplate lines anywhere."""
    end = len(lines)
    fragments = boilerplate = 0
    while end > 0:
        line = fold(lines[end - 1].strip(_SPACES))
        if not line:
            end -= 1
            continue
        if _BOILERPLATE.search(line) or _FIELDS_AFTER.search(line):
            boilerplate += 1
        elif len(_SPACE_RUN.sub("", line)) <= _TAIL_FRAGMENT and not re.search(r"[。！？!?；;]", line) \
                and not _HEADING_START.match(line) \
                and not re.search(r"\d{4}\s*年|\d{4}[-./]\d", line) and not _FIGURE_IN.search(line):
            fragments += 1
        else:
            break
        end -= 1
    tail = [line for line in lines[end:] if line.strip(_SPACES)]
    if tail and (boilerplate or fragments >= _TAIL_FRAGMENTS_NEEDED):
        log.note("site boilerplate dropped", tail[0].strip(), count=len(tail))
        lines = lines[:end]
    kept = []
    for line in lines:
        stripped = line.strip(_SPACES)  # folded only when short enough to be boilerplate (fold keeps length)
        if stripped and len(stripped) <= 60 and _BOILERPLATE.search(folded := fold(stripped)) \
                and not _HEADING_START.match(folded):
            log.note("site boilerplate dropped", line.strip())
            continue
        kept.append(line)
    return kept


def _without_contents_list(lines: list[str], log: _Log) -> list[str]:
    """Drop an encyclopedia page's contents list: 目录 alone on a line and the numbered or bulleted
    entries right after it (blank lines between them allowed). A report's own table of contents
    (一、2023年工作回顾……1) is numbered in Chinese and stays."""
    kept: list[str] = []
    at = 0
    while at < len(lines):
        stripped = lines[at].strip(_SPACES)
        if not (stripped and _CONTENTS_HEADING.match(stripped)):
            kept.append(lines[at])
            at += 1
            continue
        end, entries = at + 1, 0
        while end < len(lines) and (not (line := lines[end].strip(_SPACES)) or _CONTENTS_ENTRY.match(fold(line))):
            entries += bool(line)
            end += 1
        while end > at + 1 and not lines[end - 1].strip(_SPACES):
            end -= 1  # the blank lines after the list stay (they end a paragraph)
        if entries:
            log.note("site boilerplate dropped", stripped, count=1 + entries)
            at = end
        else:
            kept.append(lines[at])
            at += 1
    return kept


# An encyclopedia page's summary box prints each field as a label line and a value line. The
# publishing fields become the page's `key：value` fields (front.read_fields); names the page
# gives the report in other languages, and its author, go (the report says who delivered it).
_BOX_FIELDS = re.compile(r"^(?:发布时间|发布日期|发布单位|发布机构)$")
_BOX_DROPPED = re.compile(r"^(?:外文名|外文名称|英文名|英文名称|报告人|作者)$")


def _summary_box_as_fields(lines: list[str], log: _Log) -> list[str]:
    kept: list[str] = []
    at = 0
    while at < len(lines):
        label = lines[at].strip(_SPACES)
        box = _BOX_FIELDS.match(label) or _BOX_DROPPED.match(label) if len(label) <= 5 else None
        following = at + 1
        while following < len(lines) and not lines[following].strip(_SPACES):
            following += 1
        value = lines[following].strip(_SPACES) if following < len(lines) else ""
        if box and value and len(value) <= 40 and not re.search(r"[。；;!?！？]", value):
            log.note("site boilerplate dropped", f"{label} {value}")
            if _BOX_FIELDS.match(label):
                kept.append(f"{label}：{value}")
            at = following + 1
            continue
        kept.append(lines[at])
        at += 1
    return kept


# ---------------------------------------------------------------- tables of figures

_CELL_GAP = re.compile(r"[ \u00a0\u3000\t]+")


def _tables_as_lists(lines: list[str], log: _Log) -> list[str]:
    """A table of figures as a PDF's text layer gives it, a row a line with its cells spaced apart
    (指标 2023年完成 2024年目标 / 地区生产总值增长 5.8% 6%左右), read like the same table in a Word file
    or a web page (parse.tables): a list whose items name each figure's column."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        header = _CELL_GAP.split(lines[index].strip())
        rows = [header]
        if 3 <= len(header) <= 8 and len(lines[index].strip()) <= 60 and not re.search(r"\d", header[0]):
            # a column of units (指标 单位 2023年完成 2024年目标) holds no digits; one of row numbers (序号) does
            units = {at for at, cell in enumerate(header) if at and is_unit_header(cell)}
            first = 1 if is_number_header(header[0]) else 0
            following = index + 1
            while following < len(lines):
                cells = _CELL_GAP.split(lines[following].strip())
                values = [cell for at, cell in enumerate(cells[first + 1:], first + 1) if at not in units]
                # a target in words (与经济增长同步, 完成省下达任务) may stand beside the row's numbers, or
                # fill a row once the table has shown its numbers
                if len(cells) != len(header) or re.search(r"\d", cells[first]) \
                        or not (len(rows) >= 2 or any(re.search(r"\d", cell) for cell in values)) \
                        or not all(re.search(r"\d", cell) or len(cell) <= 16 and not re.search(r"[。;；!?！？]", cell)
                                   for cell in values):
                    break
                rows.append(cells)
                following += 1
            converted = figure_table_lines(rows) if len(rows) >= 2 else None
            if converted:
                log.note("tables read as lists", lines[index].strip(), count=len(rows) - 1)
                out.extend(converted)
                index = following
                continue
        out.append(lines[index])
        index += 1
    return out


# ---------------------------------------------------------------- flattened pages

def _split_flattened(lines: list[str], log: _Log) -> list[str]:
    """A report delivered as one enormous line: split before headings that follow a sentence
    end, then group its sentences into paragraphs."""
    out: list[str] = []
    for line in lines:
        pieces = [piece for piece in _SPLIT_BEFORE.split(line) if piece and piece.strip(_SPACES)] \
            if len(line) >= _LONG_LINE else [line]
        headings = sum(1 for piece in pieces[1:] if _TOP_HEADING.match(fold(piece.strip(_SPACES))))
        if len(line) < _VERY_LONG_LINE and headings < 2:
            out.append(line)
            continue
        split: list[str] = []
        in_glossary = False
        for piece in pieces:
            if re.match(r"(?:附件\s*[:：]?\s*)?名\s*词\s*解\s*释\s*$", fold(piece.strip(_SPACES))):
                in_glossary = True
                split.append(piece)
            elif in_glossary:
                split.extend(entry for entry in _GLOSSARY_ENTRY.split(piece) if entry.strip(_SPACES))
            else:
                split.extend(_sentence_groups(piece) if len(piece) > 2 * _PARAGRAPH_TARGET else [piece])
        if len(split) > 1:
            log.note("one-line text split into paragraphs", f"{len(line)} characters → {len(split)} paragraphs")
            split = ["\u3000\u3000" + piece.strip(_SPACES) for piece in split]  # each starts a paragraph
        out.extend(split)
    return out


def _sentence_groups(text: str) -> list[str]:
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    groups, current = [], ""
    for sentence in sentences:
        if current and len(current) + len(sentence) > _PARAGRAPH_TARGET:
            groups.append(current)
            current = ""
        current += sentence
    if current:
        groups.append(current)
    return groups


# ---------------------------------------------------------------- spaces inside lines

_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_CJK_GAP = re.compile(rf"[{_CJK}][ \u00a0\u2009]+(?=[{_CJK}])")
_SPACED_OUT = re.compile(r"^(?:\S[ \u00a0\u3000]){4,}\S$")  # every character followed by one space
_SINGLE_SPACE = re.compile(r"(?<=\S)[ \u00a0\u3000](?=\S)")
_LETTER_SPACED = re.compile(rf"(?:[{_CJK}][ \u00a0\u3000]){{2,}}[{_CJK}]")  # 名 词 解 释, 政 府 工 作 报 告


def _has_converter_gaps(lines: list[str]) -> bool:
    """Does the document put spaces between Chinese characters throughout (as PDF converters
    do with justified lines), rather than once in a while on purpose (新华社3月5日电 政府…)?"""
    gaps = sum(len(_CJK_GAP.findall(line)) for line in lines if " " in line or "\u00a0" in line or "\u2009" in line)
    characters = sum(len(line) for line in lines) or 1
    return gaps >= 5 and gaps * 1000 / characters >= 2


_INDENT = re.compile(r"^(?:\u3000|\u2003| {2,}|\t)")


def _tidy(line: str, log: _Log, converter_gaps: bool) -> tuple[str, bool]:
    """(the line without converter spaces, whether it starts with an indent)."""
    indented = bool(_INDENT.match(line))
    line = line.strip(_SPACES)
    if not line or not _SPACE_RUN.search(line):
        return line, indented
    if _SPACED_OUT.match(line) and sum(map(_is_han, line)) * 3 >= len(line.replace(" ", "")):
        # 全 年 增 长 6 . 5 %: a line spaced out character by character, digits included
        log.note("spaces removed", line[:16])
        line = _SINGLE_SPACE.sub("", line)
    letter_spaced = [match.span() for match in _LETTER_SPACED.finditer(line)]

    def keep_or_drop(match: re.Match) -> str:
        left = line[match.start() - 1] if match.start() else ""
        right = line[match.end()] if match.end() < len(line) else ""
        between_characters = _is_han(left) and _is_han(right)
        if between_characters and not converter_gaps \
                and not any(start <= match.start() < end for start, end in letter_spaced):
            return match.group()  # one space between words on purpose: a dateline, a name
        if not between_characters and _meaningful_space(left, right):
            return match.group()
        log.note("spaces removed", line[max(0, match.start() - 6):match.end() + 6])
        return ""

    return _SPACE_RUN.sub(keep_or_drop, line), indented


def _is_han(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")


def _is_cjk(ch: str) -> bool:
    return _is_han(ch) or ch in _CJK_PUNCT or "\uff01" <= ch <= "\uff5e"


def _meaningful_space(left: str, right: str) -> bool:
    """A space stays between Latin words and numbers (Belt and Road, COVID 19); beside Chinese
    punctuation or between Chinese and a number (`286.5 亿元`, `增长 7 %`) it is a converter's."""
    if _is_cjk(left) or _is_cjk(right):
        return False
    if left.isdigit() and right in "%‰":
        return False
    return True


# ---------------------------------------------------------------- hard-wrapped lines

def _join_wrapped(entries: list[tuple[str, bool]], log: _Log) -> list[str]:
    """Lines → paragraphs. A paragraph ends at a blank line, an indent, a heading, or a sentence
    end on a line shorter than the measured wrap width; a line cut mid-sentence, mid-word or
    mid-figure continues on the next."""
    width = _wrap_width(entries)
    out: list[str] = []
    folded_last = ""  # fold(out[-1]), grown with it: folding the whole paragraph again for each line is quadratic
    last_width = 0  # display width of the last physical line of out[-1], its indent included
    blank_before = True
    for line, indented in entries:
        if not line:
            blank_before = True
            continue
        folded_line = fold(line)
        if out and (not blank_before or _cut_figure(out[-1], line)) \
                and _continues(out[-1], folded_last, last_width, line, folded_line, indented, width):
            log.note("hard-wrapped lines joined", out[-1][-8:] + "⏎" + line[:8])
            glued = _glue(out[-1], line)
            folded_last += folded_line if len(glued) == len(out[-1]) + len(line) else " " + folded_line
            out[-1] = glued
        else:
            out.append(line)
            folded_last = folded_line
        last_width, blank_before = _display_width(line) + (4 if indented else 0), False
    return out


def _display_width(line: str) -> int:
    """Columns a line takes: Chinese characters and full-width forms two, the rest one (a line
    with digits holds more characters than one without, but is no wider)."""
    return 2 * len(line) - sum(map(len, _NARROW_RUN.findall(line)))  # runs, not wide characters: 4× faster


_NARROW_RUN = re.compile("[^\u2e80-\ufaff\uff01-\uff60“”‘’…—]+")


def _glue(before: str, after: str) -> str:
    if re.search(r"[A-Za-z]$", before) and re.match(r"[A-Za-z]", after):
        return before + " " + after
    return before + after


def _wrap_width(entries: list[tuple[str, bool]]) -> int | None:
    """The display width from which a line of this document counts as full (it ran to the
    margin), or None when the document is not hard-wrapped. Lines that end mid-sentence are
    full lines by definition: most of them of about the same width, and there are many."""
    open_lines = [(line, indented) for line, indented in entries if len(line) >= 8 and line[-1] not in _TERMINAL]
    open_ended = [_display_width(line) + (4 if indented else 0) for line, indented in open_lines]
    lines = sum(1 for line, _ in entries if len(line) >= 8)
    if lines < 8 or len(open_ended) < 0.3 * lines:
        return None
    # Prose cut at a margin has its commas inside the lines; a list of short items a line
    # (5%左右——国内生产总值增长 | 1200万人以上——城镇新增就业) has none, whatever their widths.
    if sum(1 for line, _ in open_lines if _INNER_PUNCTUATION.search(line)) < 0.5 * len(open_lines):
        return None
    counts = Counter(open_ended)
    mode = max(counts, key=lambda width: (sum(counts[n] for n in range(width - 3, width + 4)), width))
    # Narrower than 12 characters is no page's column: a cluster of short chrome lines (跳转到导航…).
    if sum(counts[n] for n in range(mode - 3, mode + 4)) < 0.5 * len(open_ended) or not 24 <= mode <= 240:
        return None
    # CJK line breaking leaves a full line a character or two short (no line may start with 。):
    # the full width is where the short tail of the open-ended lines begins — of those near the
    # mode: a heading (一、2023年工作回顾) or a caption is open-ended too, and far shorter.
    near = sorted(width for width in open_ended if width >= 0.75 * mode)
    return near[len(near) // 10]


_INNER_PUNCTUATION = re.compile(r"[，。；、,;：:]")
_ENDS_WITH_NUMBER = re.compile(r"\d[.,]?$")
_UNIT_START = re.compile(r"(?:[%‰]|\d|(?:万亿|亿|万|千)?(?:元|美元|人次|人|户|个|家|项|吨|亩|公里|平方米|千瓦|倍|个百分点))")
_CLOSING_START = re.compile(r"[，。、；：？！）」』》〕】,.;:?!)%‰]")


def _cut_figure(before: str, line: str) -> bool:
    """增长7\n%。 or 286.5\n亿元: a figure cut by the wrap (even across a blank line)."""
    return bool(_ENDS_WITH_NUMBER.search(before)) and bool(_UNIT_START.match(line))


def _continues(before: str, folded_before: str, last_width: int, line: str, folded_line: str, indented: bool,
               width: int | None) -> bool:
    """Does `line` continue the paragraph that `before` (its last line `last_width` wide) ends?
    (Each is given folded too.)"""
    if _split_title_word(folded_before, folded_line) or _cut_figure(before, line):
        return True
    if indented or _HEADING_START.match(folded_line) or _BULLET_START.match(line) or is_boilerplate(folded_line) \
            or is_boilerplate(_tail_of(folded_before)):
        return False  # page chrome (索引号: … 发布机构: …) is read line by line
    if MEETING.search(folded_before) or SPEAKER.search(folded_line) or SPEAKER.search(folded_before) \
            or MEETING.search(folded_line) or _PHOTO_CREDIT.search(folded_before) \
            or _TITLE_LINE.match(folded_line) and folded_before[-1] in _TERMINAL:
        # the front matter is read line by line: the meeting line, the speaker, the title after a
        # photo's caption (…作政府工作报告。记者 张三 摄 | 政府工作报告 | （2024年1月15日在…会议上）)
        return False
    # A heading goes on only when it ran to the margin of a wrapped page (政策\n取向).
    heading = _HEADING_START.match(folded_before) is not None and not re.search(r"[。!?;,]", folded_before)
    ends_sentence = folded_before[-1] in _TERMINAL
    if folded_before[-1] in ",、(“《":
        return True  # a line never ends a paragraph on a comma or an opening mark
    if _CLOSING_START.match(line) and not ends_sentence:
        return True  # a line that starts with a closing mark continues the sentence before it
    if width is not None:
        if not ends_sentence:
            return last_width >= width if heading else last_width >= 0.8 * width or len(before) >= 20
        # a sentence that ends at the margin: the paragraph most likely goes on
        return last_width >= width and not folded_line.startswith("各位代表")
    # Not a wrapped document (one paragraph a line, as web pages give): only a long line cut
    # before its sentence ends continues, as in text copied out of a PDF viewer; never a heading.
    # A line ending with a report's title is a title or a caption (…所作的政府工作报告), not a cut sentence.
    return not heading and not ends_sentence and len(folded_before) >= 20 and not _ENDS_WITH_TITLE.search(folded_before) \
        and re.match(rf"[{_CJK}\w“\"(（]", folded_line) is not None


# A report's title on a line of its own after a sentence (政府工作报告, 2024年政府工作报告(摘要); a title
# cut over lines, 2021年呼伦贝尔市海拉尔区⏎政府工作报告, is joined), and a photo's credit
# ending a caption (记者 张三 摄, 摄影/王五, (新华社记者 李四 摄), 供图).
_TITLE_LINE = re.compile(r"[^。,;:!?]{0,24}?政府工作报告(?:\((?:全文|摘要|节选)\)|全文|摘要|节选)?$")
_PHOTO_CREDIT = re.compile(r"(?:摄|摄影|供图|图片来源)\)?$|摄影\s*[/:]\s*\S{1,8}$|(?:摄影|图|供图)\s*[:/]\s*\S{1,8}\)?$")


_ENDS_WITH_TITLE = re.compile(r"政府工作报告(?:\((?:全文|摘要|节选)\))?$")


def _tail_of(paragraph: str) -> str:
    return paragraph[-120:]


def _split_title_word(before: str, line: str) -> bool:
    """政府工作报\\n告: a title word cut by a narrow column."""
    if before[-1:] not in _TITLE_WORD_HEADS:
        return False  # no title word's head ends the line (the test of every cut is a twentieth of a join)
    for word in _TITLE_WORDS:
        for cut in range(1, len(word)):
            if before.endswith(word[:cut]) and line.startswith(word[cut:]):
                return True
    return False
