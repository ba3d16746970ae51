"""A whole city report in another style (tests/fixtures/reports/shizuishan-2023.txt): numbered
work items, 预计 in the review, 分别 twice in one sentence, a headline list with qualitative items."""
from pathlib import Path

import pytest

from reportcli.parse import parse_report

TEXT = (Path(__file__).parent / "fixtures" / "reports" / "shizuishan-2023.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report():
    return parse_report(TEXT)


def test_metadata_and_outline(report):
    meta = report.metadata
    assert (meta.region, meta.level, meta.year, meta.date, meta.office, meta.speaker) == \
        ("石嘴山市", "city", 2023, "2023-01-08", "市长", "张三")
    assert [(s.number, s.label) for s in report.sections] == [
        ("1", "一、2022年工作回顾"), ("1.1", "（一）产业转型步伐加快"), ("1.2", "（二）民生福祉持续增进"),
        ("2", "二、2023年工作安排"), ("2.1", "1.坚定不移推动工业转型升级"), ("2.2", "2.加快发展现代服务业"),
        ("3", "三、加强政府自身建设")]


def test_review_figures_are_achieved_even_when_estimated(report):
    review = [f for f in report.figures if f.paragraph <= 5]
    assert review and not any(f.target for f in review)
    by_raw = {f.raw: f for f in report.figures}
    assert (by_raw["680亿元"].value, by_raw["680亿元"].indicator) == (68_000_000_000, "地区生产总值")
    assert by_raw["9.3%"].indicator == "一般公共预算收入增长"
    assert [(by_raw[r].indicator) for r in ("38,650元", "18,200元", "5.1%", "6.8%")] == [
        "城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
    assert (by_raw["31家"].kind, by_raw["31家"].indicator) == ("change", "高新技术企业净增")
    assert (by_raw["全区第二位"].kind, by_raw["全区第二位"].value) == ("rank", 2)


def test_goals(report):
    headline = [(g.indicator, g.comparator, g.value) for g in report.goals if g.main]
    assert headline == [
        ("地区生产总值", ">=", 6.5), ("规模以上工业增加值", "=", 8), ("固定资产投资", "about", 10),
        ("社会消费品零售总额", "=", 6), ("一般公共预算收入", "=", 6), ("城镇新增就业", ">=", 12000),
        ("城镇调查失业率", "<=", 5.5), ("居民收入增长与经济增长", None, None),
        ("节能减排", None, None)]  # named fix: the task named, not the sentence
    others = [(g.indicator, g.raw, g.strength) for g in report.goals if not g.main]
    assert others == [("实施工业项目", "120个以上", None), ("工业投资", "180亿元", None), ("工业投资", "15%", "soft"),
                      ("接待游客", "600万人次", None), ("旅游收入", "50亿元", None)]


def test_a_county_report_in_traditional_characters():
    text = (Path(__file__).parent / "fixtures" / "reports" / "mouxian-2022-traditional.txt").read_text(encoding="utf-8")
    report = parse_report(text)
    meta = report.metadata
    assert (meta.title, meta.region, meta.level, meta.year, meta.date, meta.office) == \
        ("2022年某某縣人民政府工作報告", "某某縣", "county", 2022, "2022-02-20", "縣長")
    by_raw = {f.raw: f for f in report.figures}
    assert (by_raw["156.3億元"].value, by_raw["156.3億元"].unit, by_raw["156.3億元"].indicator) == \
        (15_630_000_000, "元", "地區生產總值")
    # two subjects, then 分別增長 pairs them in order
    assert [by_raw[raw].indicator for raw in ("6.9%", "9.1%")] == ["城鎮居民人均可支配收入增長", "農村居民人均可支配收入增長"]
    assert (by_raw["5年"].kind, by_raw["5年"].indicator) == ("other", "糧食總產量")
    assert [(g.indicator, g.comparator) for g in report.goals if g.main] == [
        ("地區生產總值", "about"), ("一般公共預算收入", ">="), ("城鎮調查失業率", "<="), ("居民收入增長與經濟增長", None)]
    assert [t.term for t in report.terms] == ["雙碳", "放管服"]
