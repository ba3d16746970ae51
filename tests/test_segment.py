"""jieba-rs and Python jieba, the two implementations parse.segment can use, must extract the
same figures, targets and (Chinese) vocabulary from every report we hold."""
import re
from pathlib import Path

import pytest

from reportcli.parse import figures as figure_module
from reportcli.parse.report import parse_report
from reportcli.parse.segment import segmenter
from reportcli.text import fold

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/fixtures/**/*.txt")])
# Passages in other styles than the fixtures: a province's review, a county's news summary.
PASSAGES = [
    "全省生产总值突破五万亿元，达到5.12万亿元，增长6.1%；一般公共预算收入3200亿元，增长4.5%。",
    "今年全县经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，城镇调查失业率控制在5.5%以内，"
    "单位GDP能耗下降3%，粮食产量稳定在12亿斤以上。",
    "新建5G基站2.3万个，改造老旧小区1,280个、惠及居民15.6万户；IPv6活跃用户达到8600万。",
]
_CJK = re.compile(r"[\u3400-\u9fff]")


def _extraction(text: str, backend: str, monkeypatch) -> tuple[list, list]:
    monkeypatch.setattr(figure_module, "_DEFAULT_TAGGER", [segmenter(backend).tags])
    report = parse_report(text)
    return ([(f.paragraph, f.raw, f.value, f.unit, f.indicator, f.kind, f.target) for f in report.figures],
            [(g.paragraph, g.indicator, g.raw, g.value, g.comparator, g.main) for g in report.goals])


@pytest.fixture(scope="module")
def both():
    pytest.importorskip("rjieba")
    return segmenter("jieba-rs"), segmenter("jieba")


def test_the_fastest_installed_segmenter_is_chosen(both):
    assert segmenter().name == "jieba-rs"


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_same_figures_and_targets_from_either_segmenter(path, both, monkeypatch):
    text = path.read_text(encoding="utf-8")
    fast, reference = _extraction(text, "jieba-rs", monkeypatch), _extraction(text, "jieba", monkeypatch)
    assert fast == reference
    assert fast[0], "the report has figures to compare"


def test_same_figures_in_passages_of_other_styles(both, monkeypatch):
    text = "\n\n".join(PASSAGES)
    fast, reference = _extraction(text, "jieba-rs", monkeypatch), _extraction(text, "jieba", monkeypatch)
    assert fast == reference and len(fast[0]) >= 12


def test_same_chinese_vocabulary(both):
    fast, reference = both
    for path in TEXTS:
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            folded = fold(paragraph)
            chinese = [{w for w in backend.words(folded) if _CJK.search(w)} for backend in (fast, reference)]
            assert chinese[0] == chinese[1], paragraph


def test_digit_runs_are_where_they_differ(both):
    fast, reference = both
    assert fast.words("2023-03-04") == ["2023-03-04"]
    assert reference.words("2023-03-04") == ["2023", "-", "03", "-", "04"]
