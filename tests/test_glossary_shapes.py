"""Glossaries as governments publish them (issue 14.2): aliases in brackets, quotes inside a term,
several terms under one heading, every numbering, news items without the heading, traditional
characters, and glossaries of thousands of entries."""
import json

import pytest

from conftest import write
from reportcli.parse import parse_report

BODY = ("一、2023年工作回顾\n全市地区生产总值（GDP）增长5%，培育绿色“领跑者”企业12家，坚持“三个结合、四个聚焦”，"
        "落实“1234”工作思路，推进新型基础设施建设。\n")


def terms(text: str) -> list[tuple]:
    return [(t.term, t.aliases, t.definition) for t in parse_report(text).terms]


def test_aliases_in_brackets():
    [(term, aliases, definition)] = terms(BODY + "名词解释\n1.地区生产总值（GDP）：指一个地区所有常住单位在一定时期内生产活动的最终成果。")
    assert term == "地区生产总值" and "GDP" in aliases and definition.startswith("指一个地区")


def test_quotes_inside_a_term():
    [(term, aliases, _)] = terms(BODY + "名词解释\n1.绿色“领跑者”企业：指在节能环保方面处于领先水平的企业。")
    assert term == "绿色领跑者企业" and "领跑者企业" in aliases


def test_several_terms_under_one_heading_share_or_split_the_definition():
    found = terms(BODY + "名词解释\n1.“三个结合、四个聚焦”：三个结合是指党建与业务相结合；四个聚焦是指聚焦发展、聚焦民生。")
    assert [(t, d) for t, _, d in found] == [("三个结合", "三个结合是指党建与业务相结合"), ("四个聚焦", "四个聚焦是指聚焦发展、聚焦民生。")]
    shared = terms(BODY + "名词解释\n1.“六稳”“六保”：党中央提出的稳经济、保民生的工作要求。")
    assert [t for t, _, _ in shared] == ["六稳", "六保"] and shared[0][2] == shared[1][2]


@pytest.mark.parametrize("number", ["1.", "1、", "（1）", "(1)", "一、", "（一）", "①", ""])
def test_every_numbering(number):
    text = BODY + "名词解释\n" + "\n".join(
        f"{number.replace('1', str(n)).replace('一', '一二三'[n - 1]).replace('①', '①②③'[n - 1])}{term}：{definition}"
        for n, (term, definition) in enumerate([("新型基础设施", "是指以信息网络为基础的基础设施体系。"),
                                                ("“1234”工作思路", "即围绕一个目标、抓好两个重点、推进三项改革、强化四个保障。"),
                                                ("专精特新", "指专业化、精细化、特色化、新颖化的中小企业。")], start=1))
    assert [t for t, _, _ in terms(text)] == ["新型基础设施", "1234工作思路", "专精特新"]


def test_a_glossary_as_a_news_item_without_the_heading():
    news = ("2024年全国两会热词解读\n新华社北京3月6日电 今年的政府工作报告中出现了不少新词，一起来看。\n"
            "1.新质生产力：是创新起主导作用，摆脱传统经济增长方式、生产力发展路径的先进生产力质态。\n"
            "2.“人工智能+”行动：指推动人工智能技术与经济社会各领域深度融合的行动。\n"
            "3.超长期特别国债：指发行期限在10年以上的国债，今年拟发行1万亿元。\n")
    report = parse_report(news)
    assert [t.term for t in report.terms] == ["新质生产力", "人工智能+行动", "超长期特别国债"]
    assert [p.text for p in report.paragraphs if "不少新词" in p.text]  # the intro stays body text
    assert not report.figures  # a glossary's definitions are not the report's figures


def test_a_work_plan_with_numbered_items_is_not_a_glossary():
    plan = ("二、2024年工作安排\n1.关于产业发展：全年实施重点项目100个，完成投资50亿元以上。\n"
            "2.关于民生保障：新增城镇就业1万人以上，城镇调查失业率5.5%左右。\n"
            "3.关于生态环境：空气质量优良天数比例达到90%，完成国家下达的节能减排任务。\n"
            "我们将以更加务实的作风推动各项工作落实落地，奋力谱写高质量发展新篇章，为全面建设社会主义现代化作出更大贡献。\n"
            "各位代表，新时代新征程，我们要在党的坚强领导下，凝心聚力、埋头苦干，为实现今年目标任务而努力奋斗！")
    report = parse_report(plan)
    assert report.terms == () and len(report.figures) >= 5


def test_a_traditional_glossary():
    text = ("一、2023年工作回顧\n推進“放管服”改革，培育“專精特新”企業。\n名詞解釋\n"
            "1.“放管服”：即簡政放權、放管結合、優化服務。\n2.“專精特新”企業：指具有專業化、精細化、特色化、新穎化特徵的中小企業。")
    assert [t for t, _, _ in terms(text)] == ["放管服", "專精特新企業"]


def test_a_glossary_of_thousands_of_entries_is_read_whole(cli, tmp_path):
    entries = "\n".join(f"{n}.术语{n:04d}：这是第{n}个术语的定义，用于测试很长的名词解释。" for n in range(1, 1201))
    path = write(tmp_path / "big.txt", "一、2023年工作回顾\n全年推进术语0999和术语1200。\n名词解释\n" + entries)
    report = parse_report(path.read_text(encoding="utf-8"))
    assert len(report.terms) == 1200 and report.terms[-1].term == "术语1200"
    index = tmp_path / "big.sqlite"
    assert cli("build", str(path), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "define", "术语1200", "--json")
    [row] = json.loads(out)
    assert row["definition"].startswith("这是第1200个") and row["mentions"] == [1]


def test_define_finds_every_form(cli, tmp_path):
    path = write(tmp_path / "g.txt", BODY + "名词解释\n1.地区生产总值（GDP）：指一个地区所有常住单位生产活动的最终成果。\n"
                                          "2.绿色“领跑者”企业：指在节能环保方面处于领先水平的企业。\n"
                                          "3.“三个结合、四个聚焦”：三个结合是指党建与业务相结合；四个聚焦是指聚焦发展。")
    index = tmp_path / "g.sqlite"
    assert cli("build", str(path), "-o", str(index))[0] == 0
    for query, term in [("GDP", "地区生产总值"), ("地区生产总值", "地区生产总值"), ("绿色领跑者企业", "绿色领跑者企业"),
                        ("“领跑者”企业", "绿色领跑者企业"), ("绿色领跑企业", "绿色领跑者企业"), ("四个聚焦", "四个聚焦"),
                        ("三个结合", "三个结合")]:
        code, out, err = cli("--index", str(index), "define", query, "--json")
        assert code == 0, (query, err)
        assert json.loads(out)[0]["term"] == term, query
    _, out, _ = cli("--index", str(index), "define", "GDP", "--json")
    assert json.loads(out)[0]["mentions"] == [1]  # the body writes 地区生产总值（GDP）


@pytest.mark.parametrize("entries", [
    "【双碳】：碳达峰、碳中和的简称。\n【四新经济】：新技术、新产业、新业态、新模式。",
    "双碳——碳达峰、碳中和的简称。\n四新经济——新技术、新产业、新业态、新模式。",
])
def test_lenticular_brackets_and_dashes(entries):
    report = parse_report("一、2023年工作回顾\n推进“双碳”工作，发展“四新经济”。\n名词解释\n" + entries)
    assert [(t.term, t.definition) for t in report.terms] == [
        ("双碳", "碳达峰、碳中和的简称。"), ("四新经济", "新技术、新产业、新业态、新模式。")]
    assert all(t.mentions == (1,) for t in report.terms)


def test_an_unnumbered_entry_among_numbered_ones_and_a_heading_ending_with_a_mark():
    report = parse_report("一、回顾\n推进“一网通办”，实现“双碳”目标。\n名词解释\n1．“四敢”：敢为、敢闯、敢干、敢首创。\n"
                          "2. 三个年：项目建设年、营商环境提升年、作风建设年。\n【一网通办】指依托一体化政务服务平台，实现政务服务事项全流程在线办理。\n"
                          "4、专精特新：指具有专业化、精细化、特色化、新颖化特征的中小企业。\n（5）“双碳”目标。指碳达峰、碳中和目标。\n")
    terms = {term.term: term.definition for term in report.terms}
    assert list(terms) == ["四敢", "三个年", "一网通办", "专精特新", "双碳目标"]
    assert terms["三个年"] == "项目建设年、营商环境提升年、作风建设年。"  # the bracketed entry is not its continuation
    assert terms["一网通办"].startswith("指依托一体化政务服务平台")
    assert "双碳" in next(term.aliases for term in report.terms if term.term == "双碳目标")


def test_a_definition_continuing_on_a_line_of_its_own_stays_one_entry():
    report = parse_report("一、回顾\n推进改革。\n名词解释\n1.三个年：项目建设年、营商环境提升年、作风建设年。\n"
                          "其中项目建设年以重大项目为抓手。\n2.四敢：敢为、敢闯、敢干、敢首创。\n")
    assert [(t.term, t.definition.count("\n")) for t in report.terms] == [("三个年", 1), ("四敢", 0)]


@pytest.mark.parametrize("heading", ["名词解释", "本报告有关名词解释", "报告中的名词解释", "本报告相关名词解释："])
def test_a_term_on_a_line_of_its_own_its_definition_below(heading):
    text = BODY + heading + "\n1．“新型基础设施”\n以信息网络为基础的基础设施体系。\n2．专精特新\n专业化、精细化、特色化、新颖化的中小企业。\n"
    assert [(t, d) for t, _, d in terms(text)] == [("新型基础设施", "以信息网络为基础的基础设施体系。"),
                                                 ("专精特新", "专业化、精细化、特色化、新颖化的中小企业。")]


def test_a_definition_over_two_lines_is_still_one_definition():
    found = terms(BODY + "名词解释\n1.专精特新：指专业化、精细化、特色化、新颖化的中小企业。\n其认定由工业和信息化部门负责。\n")
    assert found[0][0] == "专精特新" and found[0][2].endswith("负责。") and "新颖化" in found[0][2]
