"""A synthetic corpus of government work reports for the scale and build benchmarks (not committed).

    from corpus import generate; generate(Path("corpus"), 20_000)

Reports of every level (about 1 national in 200, 3% provincial, 12% city, the rest county; the
region names are real divisions from data/regions.tsv, about 17 reports a region, a panel), every year from 2000 to 2025 and every size
(a log-normal number of paragraphs: 5 KB to 150 KB of text, about 50 KB on average), built from the
seed's paragraphs (a review from its review, a plan from its plan) with their figures redrawn and
their sentences dropped, repeated and recombined, so that no two reports are alike. The front
matter takes several shapes (a title with the region and year, a bare title and a meeting line, a
news-style opening); the review heading names the year or the five years, and most reviews open
with the year's outcomes (GDP, revenue, investment, jobs, prices…); the year's headline list
is a sentence, a list of lines or a list over sentences, its items drawn from the indicators
reports set; one report in ten has a glossary, one in thirty is in traditional characters. One
report in a thousand mentions 稀土永磁; 量子计算 and 火箭 appear nowhere.
"""
from __future__ import annotations

import math
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "hailar-2021.txt"
REGIONS = ROOT / "src" / "reportcli" / "data" / "regions.tsv"
RARE_TERM = "稀土永磁"

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\))")
_NUMERALS = "一二三四五六七八九十"
# Items of a headline list: (indicator words, how the figure is written), the figure drawn anew.
_ITEMS = [
    ("地区生产总值增长{p}%左右", 1), ("一般公共预算收入增长{p}%", 1), ("规模以上工业增加值增长{p}%", 1),
    ("固定资产投资增长{p}%以上", 1), ("社会消费品零售总额增长{p}%", 1), ("城镇新增就业{n}万人以上", 2),
    ("城镇调查失业率控制在5.5%以内", 0), ("居民消费价格涨幅3%左右", 0), ("居民收入增长和经济增长同步", 0),
    ("单位地区生产总值能耗降低{q}%", 3), ("粮食产量稳定在{n}万吨以上", 2), ("外贸进出口稳中提质", 0),
    ("生态环境质量持续改善", 0), ("研发经费投入强度达到{q}%", 3), ("完成上级下达的节能减排目标任务", 0),
]


def _regions(rng: random.Random) -> dict[str, list[str]]:
    by_level: dict[str, list[str]] = {"province": [], "city": [], "county": []}
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 6 or fields[5] != "current" or fields[2] not in by_level:
            continue
        by_level[fields[2]].append(fields[1])
    return by_level


def _vary_numbers(text: str, rng: random.Random) -> str:
    def redraw(match: re.Match) -> str:
        value = match.group(0)
        if len(value) == 4 and value.startswith(("19", "20")):
            return value  # keep years readable
        whole = "".join(rng.choice("0123456789") for _ in value.split(".")[0]).lstrip("0") or "0"
        return f"{whole}.{rng.randint(0, 99)}" if "." in value else whole
    return _NUMBER.sub(redraw, text)


def _vary_sentences(paragraph: str, rng: random.Random, pool: list[str]) -> str:
    sentences = [s for s in re.split(r"(?<=。)", paragraph) if s]
    if len(sentences) > 2 and rng.random() < 0.3:
        sentences.pop(rng.randrange(1, len(sentences)))
    if rng.random() < 0.3:
        sentences.insert(rng.randrange(1, len(sentences) + 1), rng.choice(pool))
    return "".join(sentences)


def _traditional_table() -> dict[int, str]:
    """Simplified → traditional for the characters that have one traditional form only."""
    from reportcli._t2s import SIMPLIFIED, TRADITIONAL

    sources: dict[str, set[str]] = {}
    for traditional, simplified in zip(TRADITIONAL, SIMPLIFIED):
        sources.setdefault(simplified, set()).add(traditional)
    return {ord(s): next(iter(t)) for s, t in sources.items() if len(t) == 1 and len(s) == 1}


class _Seed:
    def __init__(self) -> None:
        lines = [line.strip() for line in SEED.read_text(encoding="utf-8").split("\n")]
        start = next(i for i, line in enumerate(lines) if line.startswith("各位代表"))
        glossary = next(i for i, line in enumerate(lines) if line.replace(" ", "").startswith("名词解释"))
        body = lines[start + 1:glossary]
        plan = next(i for i, line in enumerate(body) if line.startswith("二、"))
        self.headings = [_HEADING.sub("", line) for line in body if _HEADING.match(line) and len(line) < 40]
        self.glossary = [line for line in lines[glossary + 1:] if line]
        # A review reports what was done (dense with figures); a plan says what will be done (few
        # figures, most of them targets): each part of a generated report draws from its own kind.
        self.review = _Part(body[:plan])
        self.plan = _Part(body[plan:])


class _Part:
    def __init__(self, lines: list[str]) -> None:
        self.paragraphs = [line for line in lines if len(line) > 40 and not _HEADING.match(line)]
        self.pool = [s for p in self.paragraphs for s in re.split(r"(?<=。)", p) if 10 < len(s) < 120]


def _front(rng: random.Random, region: str, level: str, year: int) -> list[str]:
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    term, session = rng.randint(10, 16), rng.randint(1, 5)
    if level == "national":
        return ["政府工作报告", f"——{year}年3月{day}日在第{_cn(rng.randint(9, 14))}届全国人民代表大会第{_cn(session)}次会议上",
                "国务院总理", "各位代表："]
    office = next((title for suffix, title in (("自治区", "主席"), ("省", "省长"), ("市", "市长"), ("区", "区长"), ("旗", "旗长"),
                                              ("州", "州长"), ("盟", "盟长")) if region.endswith(suffix)), "县长")
    meeting = f"——{year}年{month}月{day}日在{region}第{_cn(term)}届人民代表大会第{_cn(session)}次会议上"
    shape = rng.random()
    if shape < 0.4:
        return [f"{region}{year}年政府工作报告", meeting, f"{region}人民政府{office}", "各位代表："]
    if shape < 0.8:
        return ["政府工作报告", meeting, f"{office} 某某", "各位代表：", f"现在，我代表{region}人民政府，向大会报告工作，请予审议。"]
    return [f"{year}年{region}政府工作报告", f"索引号：{rng.randint(10**9, 10**10)}", "各位代表："]


# The year's outcomes a review opens with (what `goals --check` and `trend` read): (how the
# figure is written), drawn anew, in the shapes reports use.
_OUTCOMES = [
    "地区生产总值{v}亿元、增长{p}%", "地区生产总值增长{p}%", "实现地区生产总值{v}亿元，同比增长{p}%",
    "一般公共预算收入增长{p}%", "规模以上工业增加值增长{p}%", "固定资产投资增长{p}%", "社会消费品零售总额增长{p}%",
    "城镇新增就业{n}万人", "城镇调查失业率{u}%", "居民消费价格上涨{c}%", "城乡居民人均可支配收入分别增长{p}%和{p2}%",
]


def _outcomes(rng: random.Random, year: int, level: str) -> str:
    """The review's opening: most of the year's headline outcomes, in one of three shapes."""
    def figure(template: str) -> str:
        return template.format(v=f"{rng.uniform(20, 9000):.1f}", p=f"{rng.uniform(-1, 11):.1f}",
                               p2=f"{rng.uniform(3, 11):.1f}", n=rng.randint(1, 90), u=f"{rng.uniform(3, 6):.1f}",
                               c=f"{rng.uniform(0, 3.5):.1f}")
    # one GDP item first (reports lead with it), then others
    items = [figure(rng.choice(_OUTCOMES[:3]))] + [figure(t) for t in rng.sample(_OUTCOMES[3:], rng.randint(3, 8))]
    whole = {"national": "全国", "province": "全省", "city": "全市"}.get(level, "全县")
    shape = rng.random()
    if shape < 0.4:
        return f"{year - 1}年，{whole}" + "，".join(items) + "。"
    if shape < 0.7:
        return f"过去一年，经济运行稳中有进：{'；'.join(items)}。"
    return f"一年来，{whole}经济社会发展主要指标完成良好，{'，'.join(items[:3])}。{'，'.join(items[3:])}。"


def _cn(number: int) -> str:
    if number <= 10:
        return _NUMERALS[number - 1]
    return ("" if number < 20 else _NUMERALS[number // 10 - 1]) + "十" + (_NUMERALS[number % 10 - 1] if number % 10 else "")


def _headline(rng: random.Random, year: int) -> list[str]:
    items = []
    for template, kind in rng.sample(_ITEMS, rng.randint(5, 10)):
        items.append(template.format(p=rng.choice(["5", "5.5", "6", "6.5", "7", "8"]), n=rng.randint(1, 120),
                                     q=rng.choice(["2", "2.5", "3", "3.2"])))
    anchor = rng.choice(["今年经济社会发展的主要预期目标是：", f"{year}年全市经济社会发展的主要预期目标为：",
                         "今年全县发展的主要目标是："])
    shape = rng.random()
    if shape < 0.5:
        return [anchor + "；".join(items) + "。"]
    if shape < 0.8:
        return [anchor] + [f"——{item}；" for item in items]
    half = len(items) // 2
    return [anchor + "，".join(items[:half]) + "。" + "，".join(items[half:]) + "。"]


def generate(folder: Path, count: int, seed: int = 2021) -> None:
    rng = random.Random(seed)
    source = _Seed()
    # A panel, as researchers collect them: each region's reports over many years (about 17 a
    # region), so that a target meets the next year's report of its region (goals --check).
    regions = {level: rng.sample(names, min(len(names), max(3, int(count * share / 17))))
               for (level, names), share in zip(_regions(rng).items(), (0.03, 0.12, 0.845))}
    traditional = _traditional_table()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        draw = rng.random()
        level = "national" if draw < 0.005 else "province" if draw < 0.035 else "city" if draw < 0.155 else "county"
        region = "全国" if level == "national" else rng.choice(regions[level])
        year = rng.randint(2000, 2025)
        size = min(300, max(12, int(rng.lognormvariate(math.log(78), 0.5))))
        review, plan = size // 2, size - size // 2
        out = _front(rng, region, level, year)
        out.append(rng.choice([f"一、{year - 1}年工作回顾", "一、过去五年工作回顾", f"一、{year - 1}年和过去五年工作回顾"]))
        if rng.random() < 0.85:  # some reports open their review with work done, not figures
            out.append(_outcomes(rng, year, level))
        out += _body(rng, source.review, source.headings, review, with_subheadings=rng.random() < 0.6)
        out.append(rng.choice([f"二、{year}年工作安排", f"二、{year}年主要目标任务", "二、今年工作的总体要求和主要任务"]))
        out += _headline(rng, year)
        out += _body(rng, source.plan, source.headings, plan, with_subheadings=True)
        if rng.random() < 0.1:
            out += ["名词解释"] + source.glossary
        text = "\n".join(out)
        if number % 1000 == 7:
            text = text.replace("企业", f"{RARE_TERM}企业", 1)
        if rng.random() < 1 / 30:
            text = text.translate(traditional)
        (folder / f"r{number:05d}.txt").write_text(text + "\n", encoding="utf-8")


def _body(rng: random.Random, source: _Part, headings: list[str], paragraphs: int, with_subheadings: bool) -> list[str]:
    out: list[str] = []
    sub = 0
    for index in range(paragraphs):
        if with_subheadings and (index == 0 or rng.random() < 0.12) and sub < 9:
            sub += 1
            out.append(f"（{_NUMERALS[sub - 1]}）{rng.choice(headings)}")
        if rng.random() < 0.35:
            paragraph = "".join(rng.sample(source.pool, rng.randint(2, 6)))
        else:
            paragraph = _vary_sentences(rng.choice(source.paragraphs), rng, source.pool)
        out.append(_vary_numbers(paragraph, rng))
    return out
