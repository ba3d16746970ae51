"""Glossary formats seen across reports, each as a short snippet."""
import pytest

from reportcli.parse import parse_report

BODY = "各位代表：\n一、工作回顾\n深化“放管服”改革，做好“六稳”工作，落实“六保”任务。\n"


def terms_of(glossary: str):
    return parse_report(BODY + glossary).terms


@pytest.mark.parametrize("heading", ["名词解释", "名 词 解 释", "名词解释：", "注释", "附注", "附：名词解释",
                                     "名詞解釋"])
def test_heading_forms(heading):
    terms = terms_of(f"{heading}\n1.放管服：是指简政放权、放管结合、优化服务。\n")
    assert [t.term for t in terms] == ["放管服"]
    assert terms[0].definition == "是指简政放权、放管结合、优化服务。"


@pytest.mark.parametrize("entry", [
    "1.放管服：是指简政放权。", "1、放管服：是指简政放权。", "（1）放管服：是指简政放权。", "(1)放管服:是指简政放权。",
    "①放管服：是指简政放权。", "1. 放管服 是指简政放权。",
])
def test_numbering_forms(entry):
    terms = terms_of(f"名词解释\n{entry}\n2.三线一单：指生态保护红线等。\n")
    assert [t.term for t in terms][0] == "放管服"
    assert terms[0].definition.endswith("简政放权。")


@pytest.mark.parametrize("separator, definition", [
    ("是指", "是指稳就业。"), ("指", "指稳就业。"), ("即", "即稳就业。"), ("：", "稳就业。"), (":", "稳就业。")])
def test_separators(separator, definition):
    terms = terms_of(f"名词解释\n1.六稳{separator}稳就业。\n")
    assert (terms[0].term, terms[0].definition) == ("六稳", definition)


def test_compound_heading_gives_each_part_its_own_definition():
    terms = terms_of("名词解释\n1.“六稳”“六保”：“六稳”是指稳就业、稳金融；“六保”是指保居民就业、保基本民生。\n")
    assert [(t.term, t.heading) for t in terms] == [("六稳", "“六稳”“六保”"), ("六保", "“六稳”“六保”")]
    assert terms[0].definition == "“六稳”是指稳就业、稳金融"
    assert terms[1].definition == "“六保”是指保居民就业、保基本民生。"


def test_quoted_part_of_a_heading_is_an_alias():
    terms = terms_of("名词解释\n1.河湖“四乱”：是指乱占、乱采、乱堆、乱建。\n")
    assert terms[0].term == "河湖四乱"
    assert terms[0].aliases == ("河湖“四乱”", "四乱")


def test_definition_over_several_lines():
    terms = terms_of("名词解释\n1.中蒙俄经济走廊：共有两个通道。\n一是华北通道；\n二是东北通道。\n2.飞地经济：是指一种合作模式。\n")
    assert [t.term for t in terms] == ["中蒙俄经济走廊", "飞地经济"]
    assert terms[0].definition == "共有两个通道。\n一是华北通道；\n二是东北通道。"


def test_unnumbered_entries():
    terms = terms_of("名词解释\n放管服：简政放权、放管结合、优化服务。\n三线一单：生态保护红线等。\n")
    assert [t.term for t in terms] == ["放管服", "三线一单"]


def test_glossary_published_as_its_own_page():
    page = ("《政府工作报告》名词解释\n1.新质生产力：是指创新起主导作用的先进生产力质态。\n"
            "2.“两重”建设：是指国家重大战略实施和重点领域安全能力建设。\n")
    report = parse_report(page)
    assert [t.term for t in report.terms] == ["新质生产力", "两重建设"]
    assert report.warnings == ()
    assert [s.kind for s in report.sections] == ["glossary"]


def test_glossary_paragraphs_belong_to_the_glossary_section():
    report = parse_report(BODY + "名词解释\n1.放管服：是指简政放权。\n")
    glossary = [s for s in report.sections if s.kind == "glossary"][0]
    assert glossary.label == "名词解释"
    assert report.paragraphs[-1].section == glossary.id
    assert report.terms[0].paragraph == report.paragraphs[-1].id
