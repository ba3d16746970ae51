"""The head of a published report: web-page boilerplate and the report's own front matter.

Boilerplate (breadcrumb, 索引号/发布机构/发布日期 fields, 浏览次数/字体 lines) is dropped from
the body but its useful fields become metadata. Front matter (title, the ——date在…会议上 line,
the speaker's office) is metadata too. All patterns run on folded text (see text.fold), so
full-width, half-width and traditional forms match alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportcli.text import number_of

_CN = "〇零一二两三四五六七八九十"
DATE = (rf"(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
        rf"(?:\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日)?")
ISO_DATE = r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
_DATE_LINE = re.compile(r"^[(（]?\s*" + DATE + r"\s*[)）]?$")

_FIELD_KEYS = ("索引号", "组配分类", "发布机构", "发布单位", "主题分类", "名称", "文号", "成文日期", "发布日期",
               "发布时间", "信息来源", "来源", "浏览次数", "点击数", "访问量", "阅读次数", "字体", "作者",
               "责任编辑", "编辑", "时间", "日期", "分类", "主题词", "生效日期", "有效性")
_FIELD = re.compile(r"(?P<key>" + "|".join(_FIELD_KEYS) + r")\s*[:]\s*")
_BREADCRUMB = re.compile(r"^(您现在所在的位置|您当前的位置|您现在的位置|当前位置|您的位置|所在位置|位置)\s*:|^首页\s*[>»/]")
# A page's tools: a word of its own (打印 | 关闭, 【打印】, 字体:大 中 小), never the start of a
# sentence (关闭退出落后煤矿32处, 分享经济规模增长8%, 收藏品市场 are report text).
_PAGE_TOOLS = re.compile(r"^[\[【]?\s*(?:扫一扫|分享到|打印本页|关闭窗口|收藏本页|返回顶部"
                         r"|(?:打印|关闭|字体|字号|分享|收藏)(?=$|[\s\]】|｜/:：])|【?大\s*中\s*小)")
# A news item's byline: 记者 张三 报道, 本报记者 李四, a publication timestamp (2024-01-15 10:32).
_BYLINE = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}(?:\s|报道|摄|$)"
                     r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}"
                     r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}:\d{2}")
# When a byline was filed: 2024-03-12 19:37, 2024年03月13日08:29.
_STAMP = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?\s*\d{1,2}:\d{2}")
# Site footers; only on short lines, since a report may well say 加大技术支持力度.
_FOOTER = re.compile(r"版权所有|网站标识码|icp备|公网安备|主办单位|承办单位|技术支持\s*[:]|网站地图|联系我们|"
                     r"关于我们|网站声明|copyright|©|"
                     # wiki chrome: 维基文库，自由的图书馆 / 跳转到导航 / 本作品在全世界都属于公有领域 / 分类:…
                     r"维基文库|维基百科|自由的图书馆|自由的百科全书|跳转到导航|跳转到搜索|属于公有领域|^分类\s*:|^参考文献$|^外部链接$")
MEETING = re.compile(r"^[—\-–－~～―(]*\s*(?:" + DATE + r")\s*在(?P<meeting>.{2,60}?会议)上")
# ——在广元市第九届人民代表大会第四次会议上 (the date on a line of its own, or none)
_UNDATED_MEETING = re.compile(r"^(?:[—\-–－~～―]+|\()\s*在(?P<meeting>.{2,60}?会议)上")
_OFFICES = "总理|省长|市长|区长|县长|旗长|州长|盟长|自治区主席|主席|镇长|乡长|专员"
SPEAKER = re.compile(
    rf"^(?P<org>[\u4e00-\u9fff]{{0,30}}?)\s*(?P<office>(?:代理|代)?(?:{_OFFICES}))"
    r"\s*(?P<name>[\u4e00-\u9fff·]{2,5})?\s*$"
)
REPORT_TITLE = re.compile(r"政府工作报告|名词解释")
# 州 ends a unit only when no other suffix follows it: 杭州市 and 青州市 are cities named …州.
_REGION_UNIT = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州(?![市县区盟])|盟|地区|县|旗|区)")
_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
# What a dataset's region column says for the national report.
NATIONAL_NAMES = {"全国", "中国", "国务院", "中央", "中华人民共和国", "national", "china"}


@dataclass
class Header:
    """What the head of the text gave, and which line indexes it consumed."""

    fields: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    date: str | None = None
    meeting: str | None = None
    office: str | None = None
    speaker: str | None = None
    speaker_org: str | None = None
    byline_date: str | None = None  # a news item's byline timestamp (记者 … 2024-03-05 10:32)
    consumed: set[int] = field(default_factory=set)


def iso_date(match: re.Match) -> str | None:
    """YYYY-MM-DD, or YYYY-MM when the text gives no day (——2023年1月在…会议上)."""
    year, month = number_of(match.group("y")), number_of(match.group("m"))
    day = number_of(match.group("d")) if match.group("d") else None
    if not year or not month or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def is_boilerplate(folded_line: str) -> bool:
    """A web-page chrome line: breadcrumb, page tools, or a line of 索引号:…-style fields."""
    if _BREADCRUMB.search(folded_line) or _PAGE_TOOLS.search(folded_line):
        return True
    if len(folded_line) <= 80 and (_FOOTER.search(folded_line) or _BYLINE.search(folded_line)):
        return True
    keys = _FIELD.findall(folded_line)
    if not keys:
        return False
    # One field is enough when the line starts with it (发布时间:2021-03-04 …); otherwise
    # it takes two, so that a body sentence with a colon is never mistaken for chrome.
    return len(folded_line) <= 160 and (_FIELD.match(folded_line) is not None or len(keys) >= 2)


def read_fields(folded_line: str, line: str) -> dict[str, str]:
    """The key: value pairs of a boilerplate line, values as written."""
    found = {}
    matches = list(_FIELD.finditer(folded_line))
    for match, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(line)
        value = line[match.end():end].strip()
        found.setdefault(match.group("key"), value)
    return found


def is_header_chrome(folded_line: str) -> bool:
    """Before the report begins, a short line with no sentence in it is page navigation
    (首页 政务公开 新闻中心 …), not report text."""
    return len(folded_line) <= 20 and not re.search(r"[。!?;,:]", folded_line)


def read_header(lines: list[str], folded: list[str], limit: int) -> Header:
    """Read boilerplate and front matter from the first `limit` lines."""
    header = Header()
    title_candidates: list[int] = []
    navigated: list[str] = []  # the page's title as a series navigation line names it
    for index in range(min(limit, len(lines))):
        line, fold_line = lines[index], folded[index]
        if not line:
            continue
        if is_boilerplate(fold_line):
            header.consumed.add(index)
            for key, value in read_fields(fold_line, line).items():
                if value:
                    header.fields.setdefault(key, value)
            stamp = (_STAMP.search(fold_line) or re.search(ISO_DATE, fold_line)) if _BYLINE.search(fold_line) else None
            if stamp and header.byline_date is None:
                header.byline_date = iso_date(stamp)  # a news item's timestamp: when it was filed
            continue
        meeting = MEETING.search(fold_line) or _UNDATED_MEETING.search(fold_line)
        if meeting and header.meeting is None:
            header.consumed.add(index)
            header.date = header.date or (iso_date(meeting) if meeting.groupdict().get("y") else None)
            header.meeting = line[meeting.start("meeting"):meeting.end("meeting")]
            rest = fold_line[meeting.end():].strip()
            speaker = SPEAKER.search(rest) if rest else None
            if speaker:
                _take_speaker(header, speaker, line[meeting.end():].strip())
            continue
        date_line = _DATE_LINE.match(fold_line) if header.date is None else None
        if date_line and iso_date(date_line):
            header.consumed.add(index)  # ——在…会议上 / 市长 张三 / 2024年1月15日: the date on a line of its own
            header.date = iso_date(date_line)
            continue
        speaker = SPEAKER.search(fold_line) if len(fold_line) <= 40 else None
        if speaker and header.office is None:
            header.consumed.add(index)
            _take_speaker(header, speaker, line)
            continue
        series = _series_navigation(line, fold_line)
        if series is not None:
            header.consumed.add(index)
            navigated += series
            continue
        if REPORT_TITLE.search(fold_line) and len(fold_line) <= 60 and not fold_line.endswith("。"):
            title_candidates.append(index)
    header.consumed.update(title_candidates)
    # The last title line, unless an earlier one says more (2018年国务院政府工作报告 above a
    # wiki's bare section title 政府工作报告): the one naming a year wins; then the page's title as
    # its series navigation names it (its own title line may be the bare 政府工作报告, or none).
    dated = [lines[index] for index in title_candidates if _YEAR_IN_TITLE.search(folded[index])]
    titles = dated or navigated or [lines[index] for index in title_candidates]
    if titles:
        header.title = titles[-1]
    return header


# A report's title as a series names it: dated, at most a region and a few words before
# 政府工作报告 (2019年国务院政府工作报告, 2021年呼伦贝尔市海拉尔区政府工作报告(全文)).
_SERIES_TITLE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年[^\s|/←→‹›«»<>]{0,30}?政府工作报告"
                           r"(?:\((?:全文|摘要|节选)\))?")
_BACK, _ON = "←‹«<", "→›»>"
_NAVIGATION_MARKS = re.compile(r"[\s|/·•←‹«<→›»>-]*")


def _series_navigation(line: str, folded_line: str) -> list[str] | None:
    """A wiki's line between a report and its neighbours in the series (← 2018年国务院政府工作报告 |
    2019年国务院政府工作报告 | 2020年国务院政府工作报告 →): [the page's own title, as written] when
    one is left once the previous (after ←) and the next (before →) are set aside, [] when none
    is, None when the line is not one (a single title without an arrow is a title line)."""
    stripped = folded_line.strip()
    if len(stripped) > 120 or not stripped:
        return None
    titles = list(_SERIES_TITLE.finditer(folded_line))
    back, on = stripped[0] in _BACK, stripped[-1] in _ON
    if not titles or len(titles) < 2 and not (back or on):
        return None
    if len(titles) == 1 and (back and on):
        return None  # ←2019年政府工作报告→: one title between arrows is itself
    if not _NAVIGATION_MARKS.fullmatch(_between(folded_line, titles)):
        return None  # words beside the titles (关于…和…的说明): a title or a sentence, not navigation
    kept = titles[1 if back else 0:len(titles) - 1 if on else len(titles)]
    return [line[kept[0].start():kept[0].end()]] if len(kept) == 1 else []


def _between(folded_line: str, titles: list) -> str:
    """The text of a line outside the title spans found in it."""
    pieces, at = [], 0
    for match in titles:
        pieces.append(folded_line[at:match.start()])
        at = match.end()
    return "".join(pieces) + folded_line[at:]


def _take_speaker(header: Header, match: re.Match, line: str) -> None:
    """Record the speaker; `match` ran on the folded line, so its spans index `line` as written."""
    def written(group: str) -> str | None:
        return line[match.start(group):match.end(group)] or None if match.group(group) else None

    header.office = written("office")
    header.speaker = written("name")
    header.speaker_org = written("org")


def region_units(text: str) -> list[str]:
    """Split 呼伦贝尔市海拉尔区 into its administrative units, largest first."""
    return _REGION_UNIT.findall(text)


def level_of(units: list[str], national: bool) -> str | None:
    if national:
        return "national"
    if not units:
        return None
    region = units[-1]
    if region.endswith(("省", "自治区", "特别行政区")) or region in _MUNICIPALITIES:
        return "province"
    if region.endswith(("县", "旗", "自治县", "自治旗")):
        return "county"
    if region.endswith("区") and not region.endswith("地区"):
        return "county"  # a district of a city
    if len(units) >= 2 and units[-2].endswith(("市", "州", "盟", "地区")) and units[-2] not in _MUNICIPALITIES:
        return "county"  # a county-level city inside a prefecture
    return "city"


_ORG_SUFFIX = re.compile(r"(人民政府|政府|办公室|人民代表大会.*|人大.*)$")
_YEAR_IN_TITLE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年")
_TITLE_NOISE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年|政府工作报告|名词解释|[《》<>\s\"“”()]|关于")


_HEADLINE_LABEL_BREAK = re.compile(r"[:|丨｜]")
_SESSION_ORDINAL = re.compile(r"第?[一二三四五六七八九十\d]{1,3}届")


def region_from(sources: list[tuple[str, str, str]]) -> tuple[str | None, str | None, str | None]:
    """(region as written, level) from the first source that names one.

    `sources` are (kind, text, folded text) triples in order of trust: the meeting line
    (在海拉尔区第十五届人民代表大会…), the speaker's or publisher's organisation, the title.
    The region is the smallest unit named (呼伦贝尔市海拉尔区 → 海拉尔区); the level follows
    from its suffix and, for a 市 inside another 市, from its parent. The third value names the
    source it came from.
    """
    names = {"meeting": "meeting line", "org": "speaker's or publisher's organisation", "title": "title"}
    for kind, text, folded in sources:
        if not folded:
            continue
        if kind == "meeting":
            named = re.split(r"第[^届]{1,4}届", folded)[0]
        elif kind == "org":
            named = _ORG_SUFFIX.sub("", folded)
        else:
            # a news headline's title names the session after the region (四川省十四届人大二次会议开幕
            # 省长作政府工作报告): the region is what comes before it
            named = _SESSION_ORDINAL.split(_TITLE_NOISE.sub("", folded))[0]
            # a headline's label before a colon or bar (图解：…, 速览丨…, 全文|…) names no region
            pieces = [piece for piece in _HEADLINE_LABEL_BREAK.split(named) if piece]
            named = next((piece for piece in pieces if region_units(piece)), pieces[-1] if pieces else named)
        if "全国人民代表大会" in folded or named.startswith(("国务院", "全国", "中华人民共和国国务院", "中央人民政府")) \
                or folded.startswith(("国务院", "全国")) or named in NATIONAL_NAMES:
            return "全国", "national", names[kind]
        units = region_units(named)
        if not units:
            # A province by its short name (浙江第十四届…, 2024年内蒙古政府工作报告): news and wikis write it so.
            from reportcli.regions import province_named

            province = province_named(named)
            if province:
                return province, "province", names[kind]
        if units:
            start = folded.rfind(units[-1])  # fold keeps offsets: slice the text as written
            region = text[start:start + len(units[-1])] if start >= 0 else units[-1]
            return region, level_of(units, national=False), names[kind]
    return None, None, None


def year_from(date: str | None, title: str | None) -> int | None:
    if date:
        return int(date[:4])
    if title:
        match = _YEAR_IN_TITLE.search(title)
        if match:
            return number_of(match.group(1))
    return None


def published_from(fields: dict[str, str]) -> str | None:
    for key in ("发布日期", "发布时间", "日期", "时间"):
        value = fields.get(key)
        if value:
            match = re.search(ISO_DATE, value) or re.search(DATE, value)
            if match:
                date = iso_date(match)
                if date:
                    return date
    return None


# ---------------------------------------------------------------- metadata from body cues

# Unambiguous cues in the body, for reports published without front matter (many start directly
# with 各位代表). Each names the field it sets; with no cue a field stays empty.
_ON_BEHALF = re.compile(r"(?:我代表|受)(?P<org>[\u4e00-\u9fff]{1,24}?)(?:人民政府|政府)(?:委托)?[,，、]?\s*(?:向|,|，)")
_LEVEL_WORDS = {"省": "province", "自治区": "province", "市": "city", "州": "city", "盟": "city", "地区": "city",
                "区": "county", "县": "county", "旗": "county", "自治县": "county", "自治旗": "county"}
# A year in a heading, in digits or in Chinese ones (一、二〇二三年工作回顾).
_HEADING_YEAR = r"(?P<y>(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})"
# A part's heading marker: 一、, 一． as some type it, 第一部分
_PART_START = r"^(?:[一二三四五六七八九十]{1,3}(?:、|\.)|第[一二三四五六七八九十]部分)\s*"
_REVIEW_HEADING = re.compile(_PART_START + _HEADING_YEAR + r"\s*年.{0,30}?(?:工作)?回顾")
_YEARLESS_REVIEW_HEADING = re.compile(_PART_START + r"(?:过去一年|过去的一年|去年|上一年|上年)(?:的)?(?:政府)?工作(?:回顾)?\s*$")
_REVIEW_OPENING = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?:[,:]|是|全[省市区县州盟旗]|我[省市区县旗])")
_JUST_PASSED = re.compile(r"(?:刚刚过去的|过去的|回顾)" + _HEADING_YEAR + r"\s*年")
_PLAN_HEADING = re.compile(_PART_START + _HEADING_YEAR + r"\s*年.{0,12}?(?:工作安排|重点工作|主要任务|工作任务|目标任务|政府工作|"
                           r"主要预期目标|总体要求)")
# A news item on the State Council's report: 国务院总理5日在政府工作报告中提出…
_PREMIER_REPORT = re.compile(r"国务院总理.{0,24}?政府工作报告")
# The year's headline list names its year: 2024年全区经济社会发展主要预期目标为:…
_LIST_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年[^。;!?]{0,24}?(?:主要)?预期目标(?:是|为|如下|:)")
# A news item names the session the report was delivered to: 某某区第八届人民代表大会第四次会议开幕.
# Only the session the item is about (…会议开幕 / 在…会议上 / …会议召开), not one whose spirit a
# report studies (贯彻第十四届全国人民代表大会第一次会议精神).
_SESSION = re.compile(r"(?:在|于|出席|参加|召开的|今天|昨天|上午|下午|日前|近日)?(?P<org>[\u4e00-\u9fff]{2,20}?|(?=第))"
                      # written whole, or as news abbreviate it (广东省十四届人大二次会议)
                      r"第?[一二三四五六七八九十\d]{1,3}届(?P<national>全国)?(?:人民代表大会|人大)第?[一二三四五六七八九十\d]{1,3}次"
                      r"(?:全体)?会议(?=上|开幕|隆重开幕|召开|举行|[^。;,]{0,16}?(?:开幕|召开|举行))")
# A news item reporting the review (报告显示，2023年全省经济总量突破6万亿元): the report is the next year's;
# not when the sentence looks ahead (报告指出，2024年要…).
_REPORTED_REVIEW = re.compile(r"报告(?:显示|回顾|指出|说|称)\s*[,:]\s*(?:过去的|刚刚过去的)?(?P<y>(?:19|20)\d{2})年")
_AHEAD_WORDS = re.compile(r"要|将|力争|争取|确保|目标|预期|计划|今年")
# 今年是…, with the year named in the same sentence (今年是2024年, 今年(2024年)是…)
_THIS_YEAR_IS = re.compile(r"今年\s*(?:\(\s*(?P<a>(?:19|20)\d{2})\s*年\s*\)\s*)?是(?:(?P<b>(?:19|20)\d{2})\s*年)?")


@dataclass(frozen=True)
class BodyCues:
    region: str | None = None
    level: str | None = None
    year: int | None = None
    sources: tuple[tuple[str, str], ...] = ()  # (field, the cue as written)


# The National People's Congress: the year each term first met; its n-th session meets n - 1 years
# later (第十四届全国人民代表大会第二次会议 → 2024). Provincial congresses' terms do not line up so.
_NPC_FIRST_YEAR = {1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003,
                   11: 2008, 12: 2013, 13: 2018, 14: 2023, 15: 2028}
# (the session the report is delivered at — 在…会议上, …会议开幕 — not one whose spirit it follows)
# written whole (第十四届全国人民代表大会第二次会议) or as news write it (十四届全国人大二次会议)
_NPC_SESSION = re.compile(r"第?([一二三四五六七八九十]{1,3})届全国(?:人民代表大会|人大)第?([一二三四五六七])次(?:全体)?会议"
                          r"(?=上|[^。;,]{0,16}?(?:开幕|召开|举行|期间|闭幕))")
# 今年是“十五五”规划的开局之年 (2026), …的收官之年 (the plan's fifth year)
_PLAN_YEAR = re.compile(r"(?:今年|\d{4}年)?是[“\"]?十([一二三四五六七八九])五[”\"]?(?:规划)?(?:的)?(开局|起步|收官)之年")


def _npc_session_year(folded: str) -> tuple[int, int, int] | None:
    match = _NPC_SESSION.search(folded)
    if not match:
        return None
    term, session = number_of(match.group(1)), number_of(match.group(2))
    first = _NPC_FIRST_YEAR.get(term or 0)
    return (first + session - 1, match.start(), match.end()) if first and session else None


def _plan_year(folded: str) -> tuple[int, int, int] | None:
    match = _PLAN_YEAR.search(folded)
    if not match:
        return None
    start = 2006 + (number_of(match.group(1)) + 10 - 11) * 5  # 十一五 began in 2006
    return (start + (4 if match.group(2) == "收官" else 0), match.start(), match.end())


def body_cues(lines: list[str], folded: list[str]) -> BodyCues:
    """Region, level and year from cues in the report's own words: 我代表国务院 (national),
    我代表X人民政府 (X and its level), else the session a news item names (X第八届人民代表大会
    第四次会议); 一、2023年工作回顾 and 刚刚过去的2023年 (delivered in 2024), 二、2024年工作安排,
    2024年…主要预期目标为 and 2024年是… (2024). Cues that disagree give nothing."""
    region = level = None
    sources: list[tuple[str, str]] = []
    for line, fold_line in zip(lines, folded):
        premier = _PREMIER_REPORT.search(fold_line)
        if "我代表国务院" in fold_line or "受国务院委托" in fold_line or premier:
            cue = line[premier.start():premier.end()] if premier else "我代表国务院"
            region, level = "全国", "national"
            sources += [("region", cue), ("level", cue)]
            break
        match = _ON_BEHALF.search(fold_line)
        if match:
            org = match.group("org")
            cue = line[match.start():match.end("org")] + "人民政府"
            if org in _LEVEL_WORDS:
                level = _LEVEL_WORDS[org]
                sources.append(("level", cue))
            else:
                units = region_units(org)
                if units:
                    start = fold_line.find(units[-1], match.start("org"))
                    region = line[start:start + len(units[-1])] if start >= 0 else units[-1]
                    level = level_of(units, national=False)
                    sources += [("region", cue), ("level", cue)]
            break
    if region is None and level is None:
        for line, fold_line in zip(lines[:40], folded[:40]):
            session = _SESSION.search(fold_line)
            if session:
                text = line[session.start("org"):session.end()]
                if session.group("national"):
                    region, level = "全国", "national"
                else:
                    region, level, _ = region_from([("meeting", text, fold_line[session.start("org"):session.end()])])
                if region:
                    sources += [("region", text), ("level", text)]
                break
    years: dict[int, str] = {}
    review_heading = None  # the line before, when a review's heading without its year (一、过去一年工作回顾)
    for line, fold_line in zip(lines, folded):
        opening = _REVIEW_OPENING.match(fold_line) if review_heading else None
        if opening:  # …过去一年工作回顾 | 2023年，全市… : the review's first words name the year past
            years.setdefault(int(opening.group("y")) + 1, f"{review_heading.strip()} {line[:opening.end('y') + 1]}")
        if fold_line.strip():
            review_heading = line if _YEARLESS_REVIEW_HEADING.match(fold_line) else None
        for pattern, offset in ((_REVIEW_HEADING, 1), (_PLAN_HEADING, 0)):
            match = pattern.match(fold_line)
            if match and number_of(match.group("y")):
                years.setdefault(number_of(match.group("y")) + offset, line[:match.end()])
        match = _JUST_PASSED.search(fold_line)
        if match and number_of(match.group("y")):
            years.setdefault(number_of(match.group("y")) + 1, line[match.start():match.end()])
        match = _REPORTED_REVIEW.search(fold_line)
        if match:
            sentence_end = fold_line.find("。", match.end())
            if not _AHEAD_WORDS.search(fold_line, match.end(), sentence_end if sentence_end >= 0 else len(fold_line)):
                years.setdefault(int(match.group("y")) + 1, line[match.start():match.end()])
        match = _LIST_YEAR.search(fold_line)
        if match:
            years.setdefault(int(match.group("y")), line[match.start():match.end()])
        match = _THIS_YEAR_IS.search(fold_line)
        if match and (match.group("a") or match.group("b")):
            years.setdefault(int(match.group("a") or match.group("b")), line[match.start():match.end()])
        for found in (_npc_session_year(fold_line), _plan_year(fold_line)):
            if found:
                years.setdefault(found[0], line[found[1]:found[2]])
    year = None
    if len(years) == 1:
        year, cue = next(iter(years.items()))
        sources.append(("year", cue.strip()))
    return BodyCues(region=region, level=level, year=year, sources=tuple(sources))
