"""define: glossary lookup on the seed and on snippet glossaries, however the term is typed."""
import json

import pytest

from conftest import write

SEED_HEADINGS = 25


def define_json(cli, *args):
    code, out, err = cli("define", *args, "--json")
    return code, (json.loads(out) if out.strip() else None), err


def test_listing_every_term(cli):
    code, rows, _ = define_json(cli)
    assert code == 0
    assert len({row["heading"] for row in rows}) == SEED_HEADINGS
    assert all(row["definition"] for row in rows)


@pytest.mark.parametrize("typed, term", [
    ("放管服", "放管服"),
    ("六保", "六保"),                 # a part of the compound heading “六稳”“六保”
    ("“六保”", "六保"),
    ("河湖四乱", "河湖四乱"),         # heading written 河湖“四乱”
    ("河湖“四乱”", "河湖四乱"),
    ("四乱", "河湖四乱"),             # the quoted part alone
    ("“四早”要求", "四早要求"),
    ("fangguanfu", "放管服"),         # toneless pinyin
    ("liuwen", "六稳"),
    ("fgf", "放管服"),                # initials
    ("放管務", "放管服"),             # traditional 務 is a wrong character here: still found
    ("三限一单", "三线一单"),         # one wrong character
    ("三大攻坚", "三大攻坚战"),       # one missing character
    ("兩新一重", "两新一重"),         # traditional
    ("ipv6", "IPV6"),
])
def test_lookup_forms(cli, typed, term):
    code, rows, err = define_json(cli, typed)
    assert code == 0, err
    assert rows[0]["term"] == term


def test_compound_part_has_its_own_definition_and_the_whole_heading(cli):
    _, rows, _ = define_json(cli, "六保")
    assert [row["term"] for row in rows] == ["六保"]
    assert rows[0]["definition"].startswith("“六保”是指保居民就业") and "稳就业" not in rows[0]["definition"]
    assert rows[0]["heading"] == "“六稳”“六保”"


def test_mentions_point_at_body_paragraphs(cli):
    _, rows, _ = define_json(cli, "三线一单")
    [row] = rows
    assert row["mentions"] == [57]
    assert row["section"] == "名词解释" and row["paragraph"] > 57
    code, out, _ = cli("show", "57", "--context", "0", "--json")
    assert "三线一单" in json.loads(out)[0]["text"]


def test_used_but_not_defined(cli):
    code, out, err = cli("define", "生态安全屏障", "--json")
    assert code == 1
    assert "not defined" in err and "paragraph" in err
    [row] = json.loads(out)  # the same shape as a defined term's, with no definition
    assert (row["term"], row["definition"], row["source"]) == ("生态安全屏障", None, None) and row["mentions"]
    _, defined, _ = cli("define", "六保", "--json")
    assert set(row) == set(json.loads(defined)[0])


def test_a_term_only_the_lexicon_defines(cli):
    code, out, err = cli("define", "四个意识", "--json")
    [row] = json.loads(out)
    assert code == 0 and (row["source"], row["mentions"]) == ("lexicon", [24, 75])
    assert "政治意识、大局意识、核心意识、看齐意识" in row["definition"]


def test_found_nowhere_suggests_closest(cli):
    code, out, err = cli("define", "攻坚战三大")
    assert code == 1 and out == ""
    assert "closest terms" in err and "三大攻坚战" in err


def test_empty_term_is_a_usage_error(cli):
    assert cli("define", " “” ")[0] == 2


def test_snippet_glossary(cli, tmp_path):
    write(tmp_path / "r" / "county.txt",
          "一、工作安排\n深化“最多跑一次”改革，推进“两重”建设。\n"
          "注释\n（1）最多跑一次：指群众办事一次办结。\n（2）“两重”建设：即国家重大战略实施和重点领域安全能力建设。\n")
    index = tmp_path / "i.sqlite"
    assert cli("build", str(tmp_path / "r"), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "define", "liangzhongjianshe", "--json")
    [row] = json.loads(out)
    assert row["term"] == "两重建设" and row["definition"].startswith("即国家重大战略") and row["mentions"] == [1]
    code, out, _ = cli("--index", str(index), "define", "最多跑一次", "--json")
    assert json.loads(out)[0]["mentions"] == [1]


def test_a_part_of_a_lexicon_shorthand_suggests_it_first(cli):
    code, out, err = cli("define", "两山")
    assert code == 1 and out == ""
    assert "closest terms: 两山理念" in err
