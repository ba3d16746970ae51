"""search: completeness, ranking, forgiveness and safety, on the bundled index and on snippets."""
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from reportcli.config import BUNDLED_INDEX
from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.query.common import ReportFilter
from reportcli.query.search import search
from reportcli.text import fold

from conftest import write


@pytest.fixture(scope="module")
def bundled():
    return Store.open(BUNDLED_INDEX)


@pytest.fixture(scope="module")
def seed_paragraphs(bundled):
    report = bundled.reports()[0]
    return [(pid, text) for pid, _section, text in bundled.paragraph_range(report, 1, report.paragraphs)]


def find(*args, **kwargs):
    return search(*args, **kwargs).hits


def ids(hits):
    return [hit.paragraph for hit in hits]


@pytest.mark.parametrize("word", ["疫苗", "就业", "垃圾分类", "发展", "营商环境", "%", "IPV6", "1.62", "万"])
def test_every_paragraph_containing_the_text_is_returned(bundled, seed_paragraphs, word):
    expected = {pid for pid, text in seed_paragraphs if fold(word) in fold(text)}
    assert expected, word
    assert set(ids(find(bundled, [word], limit=0))) == expected


def test_default_limit_is_twenty(bundled):
    assert len(find(bundled, ["发展"])) == 20


def test_matches_point_at_the_words(bundled):
    for hit in find(bundled, ["营商", "环境"], limit=0):
        found = {hit.text[s:e] for s, e in hit.matches}
        assert found <= {"营商", "环境", "营商环境"} and found


def test_phrase_ranks_above_scattered_words(bundled):
    hits = find(bundled, ["环境", "营商"], limit=0)
    tiers = ["营商环境" in hit.text or "环境营商" in hit.text for hit in hits]
    assert tiers == sorted(tiers, reverse=True)  # every phrase hit comes before every scattered one
    assert all(0 <= hit.score <= 100 for hit in hits)


def test_scores_are_ordered_and_ties_keep_text_order(bundled):
    hits = find(bundled, ["就业"], limit=0)
    keys = [(-hit.score, hit.paragraph) for hit in hits]
    assert keys == sorted(keys)


@pytest.mark.parametrize("query, expected", [
    (["棚户区改照"], "棚户区改造"),   # a wrong character
    (["棚户区造"], "棚户区改造"),     # a missing character
    (["lajifenlei"], "垃圾分类"),     # toneless pinyin
    (["la", "ji", "fen", "lei"], "垃圾分类"),
    (["ljfl"], "垃圾分类"),           # initials
    (["fangguanfu"], "放管服"),
    (["營商環境"], "营商环境"),       # traditional characters
    (["ＩＰＶ６"], "IPV6"),           # full width
    (["ipv6"], "IPV6"),               # case
    (["环境营商"], "营商环境"),       # words run together, in another order
])
def test_forgiving(bundled, query, expected):
    hits = find(bundled, query)
    assert hits, query
    assert all(expected in hit.text for hit in hits[:2])
    assert any(hit.text[s:e] in expected or expected in hit.text[s:e] for hit in hits for s, e in hit.matches)


def test_fuzzy_never_outranks_exact(tmp_path, cli):
    write(tmp_path / "r" / "a.txt", "一、回顾\n推进棚户区改造工作。\n棚户区改照是错字。\n")
    index = tmp_path / "a.sqlite"
    assert cli("build", str(tmp_path / "r"), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "search", "棚户区改照", "--json")
    assert [h["paragraph"] for h in json.loads(out)] == [2]  # exact typo text exists: only it
    code, out, _ = cli("--index", str(index), "search", "棚户区改造", "--json")
    assert [h["paragraph"] for h in json.loads(out)] == [1]


def test_section_and_report_filters(bundled):
    assert set(ids(find(bundled, ["就业"], section="3.7", limit=0))) == {70}
    assert ids(find(bundled, ["就业"], section="民生保障", limit=0)) == [70]
    assert find(bundled, ["就业"], ReportFilter(ids=("hailar-2021",)), limit=0)


def test_empty_query_is_a_usage_error(bundled):
    with pytest.raises(UsageError):
        find(bundled, ["", "  ", "\u3000"])


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "NEAR(a b)", "*", "^就业", "-就业", "a:b", "(", ")",
                                   "'; DROP TABLE paragraphs; --", "%_%", "😀", "\x00\x01", "就" * 10000,
                                   "就业" * 5000])
def test_any_query_is_literal_text(bundled, query):
    for hit in find(bundled, [query], limit=0):
        assert fold(query.strip()) in fold(hit.text) or hit.score < 70


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=0, max_size=40), min_size=1, max_size=4))
def test_arbitrary_strings_never_crash(bundled, query):
    try:
        hits = find(bundled, query, limit=5)
    except UsageError:  # only for a query with nothing but whitespace
        assert not any(fold(part).split() for part in query)
        return
    for hit in hits:
        assert 0 <= hit.score <= 100
        for start, end in hit.matches:
            assert 0 <= start < end <= len(hit.text)


def test_a_capped_search_says_how_much_it_did_not_rank(bundled, seed_paragraphs, monkeypatch):
    import reportcli.query.search as search_module

    containing = sum(1 for _, text in seed_paragraphs if "发展" in text)
    monkeypatch.setattr(search_module, "CANDIDATE_CAP", 10)
    monkeypatch.setattr(search_module, "COUNTED_BEYOND_CAP", 10_000)
    result = search(bundled, ["发展"], limit=5)
    assert result.capped and len(result.hits) == 5
    assert any(f"ranked the first 10 of {containing:,} paragraphs" in note for note in result.notes)
    monkeypatch.setattr(search_module, "COUNTED_BEYOND_CAP", 30)
    assert any("ranked the first 10 of more than 30 paragraphs" in note for note in search(bundled, ["发展"]).notes)
    # --limit 0 ranks every candidate; a narrowed search counts within its reports' rowid ranges
    assert not search(bundled, ["发展"], limit=0).notes
    monkeypatch.setattr(search_module, "COUNTED_BEYOND_CAP", 10_000)
    other = next(report for report in bundled.reports() if report.id == "hailar-2021")
    in_other = sum(1 for _, _, text in bundled.paragraph_range(other, 1, other.paragraphs) if "发展" in text)
    narrowed = search(bundled, ["发展"], ReportFilter(ids=("hailar-2021",)), limit=5)
    assert in_other > 10 and any(f"of {in_other:,} paragraphs" in note for note in narrowed.notes)


def test_an_uncapped_search_has_no_ranking_note(bundled):
    assert not search(bundled, ["垃圾分类"]).notes
