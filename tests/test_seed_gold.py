"""The seed report against its hand-checked gold fixture (tests/gold/hailar-2021.json)."""
import json
from pathlib import Path

GOLD = json.loads((Path(__file__).parent / "gold" / "hailar-2021.json").read_text(encoding="utf-8"))


def test_metadata(seed_report):
    assert seed_report.metadata._asdict() == GOLD["metadata"]
    assert GOLD["metadata"]["region"] == "海拉尔区" and GOLD["metadata"]["date"] == "2021-03-02"


def test_outline_has_four_parts_and_the_glossary(seed_report):
    tops = [s for s in seed_report.sections if s.parent is None]
    assert [s.label for s in tops][-1] == "名词解释"  # written 名 词 解 释: letter-spacing is not text
    assert [s.label[:2] for s in tops][:4] == ["一、", "二、", "三、", "四、"]
    assert tops[-1].kind == "glossary"
    assert [[s.number, s.label] for s in seed_report.sections] == GOLD["sections"]


def test_paragraphs(seed_report):
    assert len(seed_report.paragraphs) == GOLD["paragraphs"]
    texts = [p.text for p in seed_report.paragraphs]
    assert not any("索引号" in t or "浏览次数" in t or "您现在所在的位置" in t for t in texts)
    assert texts.count("各位代表!") == 2 and texts[0] == "各位代表:"


def test_all_25_glossary_entries_and_their_terms(seed_report):
    assert len(GOLD["glossary_entries"]) == 25
    assert sorted({t.heading for t in seed_report.terms}) == sorted(GOLD["glossary_entries"])
    got = [{"term": t.term, "heading": t.heading, "aliases": list(t.aliases), "definition": t.definition}
           for t in seed_report.terms]
    missing = [g["term"] for g in GOLD["terms"] if g not in got]
    assert not missing, f"terms that differ from gold: {missing}"
    assert {"六稳", "六保"} <= {t.term for t in seed_report.terms}
