"""Policy shorthand (issue 19): the lexicon is well-formed, and search, define and count know what
abbreviations and slogans stand for, both ways, without fuzzy junk beside a concept."""
import json

import pytest

from conftest import write
from reportcli.parse.concepts import key_of, lexicon


def test_every_entry_parses_and_none_conflict():
    entries = lexicon()
    assert len(entries) >= 100
    terms = [key_of(entry.term) for entry in entries]
    assert len(terms) == len(set(terms)), "a shorthand is defined twice"
    claimed: dict[str, str] = {}
    for entry in entries:
        assert entry.definition and (entry.expansions or entry.members or entry.definition), entry.term
        for form in entry.expansions:
            key = key_of(form)
            assert key not in claimed, f"{form} is claimed by {claimed[key]} and {entry.term}"
            assert key not in terms or key == key_of(entry.term), f"{form} is another entry's shorthand"
            claimed[key] = entry.term
        assert len(set(entry.members)) == len(entry.members), entry.term


@pytest.fixture
def corpus(cli, tmp_path):
    folder = tmp_path / "r"
    write(folder / "a.txt", "2024年某市政府工作报告\n一、2023年工作回顾\n"
                             "全年推进新型基础设施建设，建成5G基站3,000个。\n"
                             "坚持稳就业、稳金融、稳外贸、稳投资，经济运行总体平稳。\n"
                             "全市新建学校5所，新建道路12公里。\n"
                             "培育专业化、精细化、特色化、新颖化中小企业20家。\n")
    write(folder / "b.txt", "2024年某县政府工作报告\n一、2023年工作回顾\n全县加快新基建布局，新基建投资增长15%。\n"
                             "全县地区生产总值增长6%。\n")
    index = tmp_path / "c.sqlite"
    assert cli("build", str(folder), "-o", str(index))[0] == 0
    return index


def hits(cli, index, *query):
    code, out, err = cli("--index", str(index), "search", *query, "--json")
    return code, json.loads(out), err


def test_a_shorthand_finds_its_long_form_and_no_fuzzy_junk(cli, corpus):
    code, rows, err = hits(cli, corpus, "新基建")
    assert code == 0
    by_report = {(row["report"], row["match"]) for row in rows}
    assert ("b", "exact") in by_report and ("a", "concept") in by_report
    concept = next(row for row in rows if row["match"] == "concept")
    assert concept["text"][slice(*concept["matches"][0])] == "新型基础设施建设"
    assert not any("新建学校" in row["text"] for row in rows)  # 新建 is not 新基建
    assert [row["match"] for row in rows] == sorted((row["match"] for row in rows), key=["exact", "concept"].index)


def test_a_long_form_finds_the_shorthand(cli, corpus):
    code, rows, _ = hits(cli, corpus, "新型基础设施建设")
    assert {(row["report"], row["match"]) for row in rows} == {("a", "exact"), ("b", "concept")}


def test_a_slogan_finds_paragraphs_naming_its_members(cli, corpus):
    code, rows, err = hits(cli, corpus, "六稳")
    assert code == 0 and [row["match"] for row in rows] == ["concept"]
    assert "稳就业" in rows[0]["text"] and "same concept" in err
    code, rows, _ = hits(cli, corpus, "专精特新")
    assert code == 0 and "新颖化" in rows[0]["text"]


def test_gdp_on_the_bundled_report(cli):
    code, out, err = cli("search", "GDP", "--json")
    rows = json.loads(out)
    assert code == 0 and rows and {row["match"] for row in rows} == {"concept"}
    assert all("地区生产总值" in row["text"] for row in rows)
    assert "as typed" in err
    code, out, _ = cli("search", "新基建", "--json")
    assert [row["paragraph"] for row in json.loads(out)] == [89]  # 新型基础设施, in the glossary's 两新一重
    code, _, _ = cli("search", "新基建", "--exact")
    assert code == 1


def test_define_answers_from_the_lexicon_and_says_so(cli, corpus):
    code, out, _ = cli("--index", str(corpus), "define", "新基建", "--json")
    rows = json.loads(out)
    assert code == 0 and {row["source"] for row in rows} == {"lexicon"}
    # one definition, one row naming both reports that use the term
    [row] = rows
    assert (row["reports"], row["used_in"]) == (["a", "b"], ["a:1", "b:1"])
    assert rows[0]["definition"].startswith("新型基础设施建设")
    code, out, _ = cli("define", "双碳", "--json")  # used nowhere in the bundled report
    [row] = json.loads(out)
    assert (row["source"], row["report"], row["mentions"]) == ("lexicon", None, [])
    code, out, _ = cli("define", "六保", "--json")  # the report's own glossary comes first
    assert json.loads(out)[0]["source"] == "glossary"


def test_count_expand_counts_the_long_forms_too(cli, corpus):
    _, out, _ = cli("--index", str(corpus), "count", "新基建", "--json")
    assert {row["report"]: row["count"] for row in json.loads(out)} == {"a": 0, "b": 2}
    _, out, _ = cli("--index", str(corpus), "count", "新基建", "--expand", "--json")
    assert {row["report"]: row["count"] for row in json.loads(out)} == {"a": 1, "b": 2}


def test_a_reports_glossary_adds_concepts_for_that_report(cli, tmp_path):
    folder = tmp_path / "g"
    write(folder / "x.txt", "一、回顾\n推进城市更新和“一廊两带”建设。\n名词解释\n1.“一廊两带”：即滨河生态廊道、沿江经济带、沿湖旅游带。")
    write(folder / "y.txt", "一、回顾\n建设滨河生态廊道、沿江经济带和沿湖旅游带。")
    index = tmp_path / "g.sqlite"
    assert cli("build", str(folder), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "search", "一廊两带", "--json")
    assert {(row["report"], row["match"]) for row in json.loads(out)} == {("x", "exact")}  # y has no such glossary
