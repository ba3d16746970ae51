"""`compare A B`: what changed between two reports — headline targets side by side, indicators
reported in one and not the other, glossary terms added or dropped."""
from __future__ import annotations

import re

from reportcli.errors import UsageError
from reportcli.index.store import Store
from reportcli.parse.lexicon import goal_indicator
from reportcli.query.common import select_reports
from reportcli.record import Record
from reportcli.text import fold


class Difference(Record):
    kind: str  # target / indicator / term
    name: str
    a: str | None  # as report A has it (None: absent)
    b: str | None
    change: str  # raised / lowered / same / changed / new / dropped
    report_a: str
    report_b: str


def _pair(store: Store, a: str, b: str):
    if a == b:
        raise UsageError("compare needs two different reports")
    return select_reports(store, [a])[0], select_reports(store, [b])[0]


def _targets(store: Store, report) -> dict[str, tuple[str, float | None, str | None]]:
    return {fold(goal.indicator): (goal.raw or goal.text, goal.value, goal.comparator)
            for goal in store.goals(report, main_only=True)}


def _indicators(store: Store, report) -> dict[str, str]:
    """What the report measures, keyed by code when the indicator has one (年末城镇调查失业率 and
    城镇调查失业率 are one indicator), else by name — a name that is a whole measure, not a fragment
    (新台阶、亩产; 一次性; 惠及; a subject of one or two characters)."""
    found: dict[str, str] = {}
    for figure in store.figures(report, target=False):
        name = goal_indicator(figure.indicator) if figure.indicator else ""
        if figure.code:
            found.setdefault(figure.code, name)
        elif _whole_measure(name):
            found.setdefault(fold(name), name)
    return found


_NOT_A_MEASURE = re.compile(r"[、,，;；]|^(?:把|将|为|对|向|让|使|被|从|在|以|于|和|与|及)|(?:惠及|达到|完成|实现|突破|超过|一次性)$")


def _whole_measure(name: str) -> bool:
    return len(name) >= 4 and not _NOT_A_MEASURE.search(fold(name))


def compare(store: Store, a: str, b: str) -> list[Difference]:
    first, second = _pair(store, a, b)
    targets_a, targets_b = _targets(store, first), _targets(store, second)
    names = {fold(goal.indicator): goal.indicator for report in (first, second)
             for goal in store.goals(report, main_only=True)}
    differences: list[Difference] = []
    for key in list(targets_a) + [k for k in targets_b if k not in targets_a]:
        left, right = targets_a.get(key), targets_b.get(key)
        differences.append(Difference("target", names.get(key, key), left[0] if left else None,
                                      right[0] if right else None, _target_change(left, right), first.id, second.id))
    indicators_a, indicators_b = _indicators(store, first), _indicators(store, second)
    for key, name in indicators_a.items():
        if key not in indicators_b:
            differences.append(Difference("indicator", name, "reported", None, "dropped", first.id, second.id))
    for key, name in indicators_b.items():
        if key not in indicators_a:
            differences.append(Difference("indicator", name, None, "reported", "new", first.id, second.id))
    terms_a, terms_b = store.term_names(first), store.term_names(second)
    differences += [Difference("term", t, "defined", None, "dropped", first.id, second.id)
                    for t in terms_a if t not in terms_b]
    differences += [Difference("term", t, None, "defined", "new", first.id, second.id)
                    for t in terms_b if t not in terms_a]
    return differences


def _target_change(left, right) -> str:
    if left is None:
        return "new"
    if right is None:
        return "dropped"
    (raw_a, value_a, comparator_a), (raw_b, value_b, comparator_b) = left, right
    if value_a is None or value_b is None:
        return "same" if raw_a == raw_b else "changed"
    if value_b > value_a:
        return "raised"
    if value_b < value_a:
        return "lowered"
    return "same" if comparator_a == comparator_b else "changed"
