"""`metrics QUERY`, `goals QUERY` and `trend WORDS` over many reports read only the figures and
targets that may name the query (those of the paragraphs whose bigrams match it and those whose indicator does)
and answer exactly what testing every row answers: nothing is lost to the narrowing, in either
script, by pinyin, for a name no paragraph contains, or when only a close indicator matches."""
from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, write

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402 - the benchmarks' generator of varied reports

from reportcli.index.store import _ONE_STATEMENT_FROM, Store  # noqa: E402
from reportcli.query.match import TextMatcher  # noqa: E402
from reportcli.query.goals import goals  # noqa: E402
from reportcli.query.metrics import metrics  # noqa: E402
from reportcli.query.trend import _best_named, trend  # noqa: E402

# Written for this test: a composed name (第一产业增加值增长 is in no paragraph), a traditional
# report, a county's news summary.
HAND_WRITTEN = {
    "city-2024.txt": "某某市2024年政府工作报告\n\n一、2023年工作回顾\n\n全市地区生产总值增长5.6%，三次产业增加值"
                     "分别增长3.5%、6.0%和7.2%。城镇新增就业1.2万人，居民人均可支配收入达到41235元。\n\n"
                     "二、2024年工作安排\n\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，"
                     "三次产业增加值分别增长3%、5.5%和6%；"
                     "城镇新增就业1.1万人以上。\n",
    "hk-2023.txt": "某某縣2023年政府工作報告\n\n一、2022年工作回顧\n\n全縣地區生產總值增長4.8%，"
                   "糧食總產量達到52.3萬噸，城鎮調查失業率控制在5.2%。\n",
    "news-2022.txt": "某县召开人代会 今年经济增长预期目标6%\n\n记者从某县第十届人民代表大会第二次会议获悉，"
                     "过去一年全县GDP增长6.1%，固定资产投资增长9.1%，社会消费品零售总额增长7.3%。\n",
}
GOAL_QUERIES = ["就业", "jiuye", "增长", "居民消费价格", "粮食", "城镇新增就业", "失业率", "固定资产投资", "同步", "经济"]
QUERIES = ["就业", "jiuye", "增长", "第一产业增加值", "第三产业", "粮食总产量", "糧食", "地区生产总值增涨",
           "失业率", "gdp", "人均可支配收入", "固定资产投资", "万人"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many") / "reports"
    generate(folder, _ONE_STATEMENT_FROM + 6)  # enough reports for the one-statement, narrowed path
    for name, text in HAND_WRITTEN.items():
        write(folder / name, text)
    import reportcli

    index = folder.parent / "index.sqlite"
    reportcli.build([folder], index, jobs=1)
    return Store.open(index)


def _every_figure(store, query):
    """The answer by testing every figure of every report (what the narrowing must equal)."""
    matcher = TextMatcher(store, query)
    every = [(report.id, figure) for report in store.reports() for figure in store.figures(report)]
    found = [(rid, f.paragraph, f.start) for rid, f in every if matcher.contains(f.indicator, f.context)]
    return found or [(rid, f.paragraph, f.start) for rid, f in every if matcher.close(f.indicator)]


@pytest.mark.parametrize("query", QUERIES)
def test_the_narrowed_answer_is_the_answer_of_every_figure(store, query):
    assert len(store.reports()) >= _ONE_STATEMENT_FROM
    answer = [(row.report, row.paragraph, row.start) for row in metrics(store, query)]
    assert answer == _every_figure(store, query)
    assert answer, query  # each query finds something, so the comparison says something


def test_a_name_that_no_paragraph_holds_is_found(store):
    rows = metrics(store, "第一产业增加值")
    assert [(row.report, row.raw, row.indicator) for row in rows] == [
        ("city-2024", "3.5%", "第一产业增加值增长"), ("city-2024", "3%", "第一产业增加值增长")]
    assert not any("第一产业" in row.context for row in rows)


def test_traditional_text_is_found_by_simplified_query(store):
    assert [(row.report, row.raw) for row in metrics(store, "粮食总产量")
            if row.report == "hk-2023"] == [("hk-2023", "52.3萬噸")]


def test_a_punctuation_query_still_answers(store):
    """No bigram to narrow by: every figure is tested, as before."""
    assert [(row.report, row.paragraph, row.start) for row in metrics(store, "%，")] == _every_figure(store, "%，")


def _every_target(store, query):
    matcher = TextMatcher(store, query)
    return [(report.id, g.paragraph, g.start, g.indicator) for report in store.reports() for g in store.goals(report) if matcher.contains(g.indicator, g.text)]


@pytest.mark.parametrize("query", GOAL_QUERIES)
def test_the_narrowed_targets_are_the_targets_of_every_row(store, query):
    answer = [(row.report, row.paragraph, row.start, row.indicator) for row in goals(store, query)]
    assert answer == _every_target(store, query)
    assert answer, query


def test_a_composed_target_name_is_found(store):
    """三次产业增加值分别… gives targets named 第一产业增加值… that no paragraph holds."""
    assert [row.report for row in goals(store, "第二产业增加值")] == ["city-2024"]


@pytest.mark.parametrize("words", ["地区生产总值", "地区生产总值增长", "城镇新增就业", "糧食總產量", "固定资产投资",
                                   "第一产业增加值", "居民人均可支配收入", "地区生产总值增涨"])
def test_a_trend_by_words_is_the_trend_of_every_figure(store, words):
    """trend scores each indicator name once and reads only the figures of close names; each
    report's point must be the one the best of all its achieved figures gives."""
    from collections import Counter

    from reportcli.query.match import fold_query

    best = [(report, figure) for report in store.reports()
            if (figure := _best_named(store, report, fold_query(words), report.year - 1 if report.year else None,
                                      store.figures(report, target=False))) is not None]
    unit = Counter(figure.unit for _, figure in best).most_common(1)[0][0]  # trend keeps the commonest unit
    expected = sorted(((report.year is None, report.year or 0, report.id, figure.paragraph, figure.raw)
                       for report, figure in best if figure.unit == unit), key=lambda row: row[:2])
    found = [(p.year is None, p.year or 0, p.report, p.paragraph, p.raw) for p in trend(store, words)]
    assert found == expected and found


def test_review_ranges_hold_the_sections_under_a_review_heading(store):
    """review_sections is read from top-level headings alone (ranges of ids); it must hold exactly
    the sections whose top-level heading is a review heading, however deep, and no others."""
    from reportcli.parse.lexicon import REVIEW_HEADING
    from reportcli.query.outcomes import review_sections
    from reportcli.text import fold

    nested = 0
    for report in store.reports():
        outline = store.execute("SELECT id, parent, coalesce(title, substr(label, title_at + 1)) FROM sections"
                                " WHERE report = ? ORDER BY id", (report.ord,)).fetchall()
        parent_of = {id_: parent for id_, parent, _ in outline}

        def top_of(id_):
            while parent_of[id_] is not None:
                id_ = parent_of[id_]
            return id_

        tops = {id_ for id_, parent, title in outline if parent is None and REVIEW_HEADING.search(fold(title))}
        review = review_sections(Store(store.connection), report)
        assert (review is None) == (not tops), report.id
        if review is not None:
            assert [id_ for id_, _, _ in outline if id_ in review] == \
                [id_ for id_, _, _ in outline if top_of(id_) in tops], report.id
            assert None not in review
            nested += sum(parent_of[id_] is not None and top_of(id_) in tops for id_ in parent_of)
    assert nested > 100


def test_reviews_read_at_once_are_each_reports_review(store):
    from reportcli.query.outcomes import read_reviews, review_sections

    reports = store.reports()
    one_by_one = [review_sections(Store(store.connection), report) for report in reports]
    fresh = Store(store.connection)
    read_reviews(fresh, reports)
    assert [fresh.derived[("review", report.ord)] for report in reports] == one_by_one
    assert sum(review is not None for review in one_by_one) > 60


def test_sections_of_some_figures_are_those_of_all(store):
    for report in store.reports()[:20]:
        figures = store.figures(report)[::7]
        every = store.figure_sections(report)
        assert store.figure_sections(report, figures) == {f.paragraph: every[f.paragraph] for f in figures}


@pytest.mark.parametrize("code", [None, "gdp_growth"])
@pytest.mark.parametrize("part", [7, 2000])  # reports checked at once: several parts, or one
def test_checked_targets_read_ahead_are_checked_one_by_one(store, code, part, monkeypatch):
    """goals --check reads the outcomes of every target's following report at once; each target
    is checked exactly as it is alone, in a store that has read nothing ahead."""
    from reportcli.query import goals as goals_module
    from reportcli.query.goals import _checked, _ParentTargets

    monkeypatch.setattr(goals_module, "CHECKED_AT_ONCE", part)
    at_once = goals(Store(store.connection), check=True, code=code)
    fresh = Store(store.connection)
    parents = _ParentTargets(fresh)
    one_by_one = [_checked(fresh, report, parents.panel(report, goal))
                  for report in fresh.reports() for goal in fresh.goals(report, code=code)]
    assert at_once == one_by_one
    assert sum(goal.status in ("met", "missed") for goal in at_once) > 20


@pytest.mark.parametrize("part", [7, 2000])  # reports followed at once
def test_a_trend_by_code_read_ahead_is_each_reports_outcome(store, part, monkeypatch):
    from reportcli.query import trend as trend_module
    from reportcli.query.outcomes import outcome_of

    monkeypatch.setattr(trend_module, "FOLLOWED_AT_ONCE", part)

    from collections import Counter

    fresh = Store(store.connection)
    best = [(report, figure) for report in fresh.reports()
            if (figure := outcome_of(fresh, report, code="gdp_growth", indicator="gdp_growth", unit="", change=None,
                                     period=report.year - 1 if report.year else None)) is not None]
    unit = Counter(figure.unit for _, figure in best).most_common(1)[0][0]  # trend keeps the commonest unit
    expected = sorted(((report.year is None, report.year or 0, report.id, figure.paragraph, figure.raw)
                       for report, figure in best if figure.unit == unit), key=lambda row: row[:2])
    found = [(p.year is None, p.year or 0, p.report, p.paragraph, p.raw)
             for p in trend(Store(store.connection), "gdp_growth")]
    assert found == expected and len(found) > 20


def test_the_rows_of_many_reports_are_made_as_they_are_taken(store):
    """Over many reports (one statement), a report's rows are made when the caller takes them,
    not all first: a streamed answer holds one report's rows."""
    from reportcli.index.store import _FIGURES

    made = []
    rows = store._by_report(store.reports(), _FIGURES, "f", [], [], "f.seq",
                            lambda report, group: made.append(report.ord) or list(group))
    next(rows)
    assert len(made) == 1 and len(store.reports()) >= _ONE_STATEMENT_FROM
    assert len(list(rows)) + 1 == len(made) > 60


@pytest.mark.parametrize("ask", [
    lambda ix, stream: ix.answer_metrics(code="gdp_growth", stream=stream),
    lambda ix, stream: ix.answer_metrics("就业", stream=stream),
    lambda ix, stream: ix.answer_metrics("地区生产总值增涨", stream=stream),  # only close names: the fallback
    lambda ix, stream: ix.answer_goals(check=True, stream=stream),
    lambda ix, stream: ix.answer_goals("就业", main=True, stream=stream)])
def test_a_streamed_answer_is_the_listed_answer(store, ask):
    from reportcli.api import Index

    path = store.connection.execute("PRAGMA database_list").fetchone()[2]
    listed = ask(Index(path), False)
    streamed = ask(Index(path), True)
    assert isinstance(listed.rows, list) and not isinstance(streamed.rows, list) and streamed.total is None
    assert list(streamed.rows) == listed.rows and len(listed.rows) > 5


# Characters that fold into others (traditional, full-width, capitals) beside their folded forms.
_MIXED = "粮糧食总總产產量GgＧdＤpＰ就业業，\n "


@given(st.text(alphabet=_MIXED, max_size=12), st.text(alphabet=_MIXED, max_size=30),
       st.text(alphabet=_MIXED, max_size=30))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_text_is_matched_as_folding_all_of_it_would(store, query, indicator, context):
    """contains folds a text only when it holds a character that folds into the query: the
    answer is the one folding every text gives."""
    from reportcli.errors import UsageError
    from reportcli.text import fold

    try:
        matcher = TextMatcher(store, query)
    except UsageError:
        return  # an empty query
    haystack = "\n".join(fold(text) for text in (indicator, context))
    assert matcher.contains(indicator, context) == any(needle in haystack for needle in matcher.needles)


@pytest.mark.parametrize("many", [False, True])
def test_ctrl_c_while_a_query_tests_rows_is_an_interrupt(store, many):
    """A query word is tested inside SQLite (a function of the statement); Ctrl-C landing there
    must stop the query as Ctrl-C does (exit 130), not read as an unreadable index, and leave
    the store answering and Python's own handler in place."""
    import os
    import signal

    reports = store.reports() if many else store.reports()[:3]  # one statement, or one a report
    calls = []

    def keep(indicator, context):
        calls.append(indicator)
        if len(calls) == 5:
            os.kill(os.getpid(), signal.SIGINT)
        return True

    with pytest.raises(KeyboardInterrupt):
        for _ in store.figures_by_report(reports, keep=keep):
            pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert sum(len(rows) for _, rows in store.figures_by_report(reports, keep=lambda *_: True)) \
        == sum(len(rows) for _, rows in store.figures_by_report(reports))


def test_a_query_word_s_test_is_let_go_when_its_rows_are_read(store):
    """A notebook asks many queries of one store: each one's test (and its matcher) must not
    stay registered on the connection for the store's life."""
    import gc
    import weakref

    class Keep:
        def __call__(self, indicator, context):
            return "就业" in context

    keep = Keep()
    let_go = weakref.ref(keep)
    rows = sum(len(found) for _, found in store.figures_by_report(store.reports(), keep=keep))
    del keep
    gc.collect()
    assert rows and let_go() is None
