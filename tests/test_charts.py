"""--chart on trend, count and goals --check: bars in proportion, labelled by year, the value at
the end, the target marked; Rich on a terminal, plain characters in a pipe, aligned at any width."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from reportcli.render import Output
from reportcli.views import Bar, emit_chart

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def draw(groups, *, terminal: bool, width: int, monkeypatch, color: str = "never") -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    stream = io.StringIO()
    out = Output(requested_format="table" if terminal else "plain", as_json=False, color=color, stdout=stream)
    emit_chart(groups, out)
    return stream.getvalue().rstrip("\n").split("\n")


BARS = [("国内生产总值增长 (%)", [Bar(label="2019", value=6.0, text="6%"), Bar(label="2020", value=2.3, text="2.3%"),
                                  Bar(label="2021", value=8.1, text="8.1%"), Bar(label="2022", value=3.0, text="3%")])]


@pytest.mark.parametrize("width", [80, 120, 200])
@pytest.mark.parametrize("terminal", [True, False])
def test_bars_are_in_proportion_with_labels_and_values(monkeypatch, width, terminal):
    title, *lines = draw(BARS, terminal=terminal, width=width, monkeypatch=monkeypatch)
    assert title == "国内生产总值增长 (%)"
    block = "█" if terminal else "#"
    lengths = [line.count(block) for line in lines]
    assert [line.split()[0] for line in lines] == ["2019", "2020", "2021", "2022"]
    assert [line.split()[-1] for line in lines] == ["6%", "2.3%", "8.1%", "3%"]
    assert lengths[2] == max(lengths) and all(abs(n / lengths[2] - v / 8.1) < 0.03 for n, v in zip(lengths, (6, 2.3, 8.1, 3)))
    assert all(cell_len(line) <= width for line in lines)
    if not terminal:
        assert all(ord(ch) < 0x2500 or "\u4e00" <= ch <= "\u9fff" for line in lines for ch in line)  # plain characters


def test_cjk_labels_align_their_bars(monkeypatch):
    groups = [("城镇新增就业", [Bar(label="海拉尔区", value=10, text="10"), Bar(label="hailar", value=5, text="5"),
                                Bar(label="2024", value=20, text="20")])]
    _, *lines = draw(groups, terminal=True, width=100, monkeypatch=monkeypatch)
    starts = [cell_len(line[:line.index("█")]) for line in lines]
    assert len(set(starts)) == 1  # a bar starts at the same column after wide and narrow labels


def test_the_target_is_marked_beside_the_outcome_with_the_status(monkeypatch):
    groups = [("地区生产总值 (%)", [Bar(label="2021", value=8.1, text="8.1% (target ≥ 6%)", mark=6, status="met"),
                                   Bar(label="2022", value=3, text="3% (target ≈ 5.5%)", mark=5.5, status="missed")])]
    _, met, missed = draw(groups, terminal=False, width=100, monkeypatch=monkeypatch)
    assert met.endswith("met") and missed.endswith("missed")
    bar_start = met.index("#")
    assert abs((met.index("|") - bar_start + 1) / (missed.index("|") - bar_start + 1) - 6 / 5.5) < 0.05
    assert missed.index("|") > missed.rindex("#")  # a missed target lies beyond its outcome


def test_colour_only_when_colour_is_on(monkeypatch):
    plain = "\n".join(draw(BARS, terminal=True, width=80, monkeypatch=monkeypatch, color="never"))
    coloured = "\n".join(draw(BARS, terminal=True, width=80, monkeypatch=monkeypatch, color="always"))
    assert "\x1b[" not in plain and "\x1b[" in coloured


# ------------------------------------------------------------------ the commands

@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Path:
    from reportcli.cli import main

    index = tmp_path_factory.mktemp("charts") / "national.sqlite"
    assert main(["build", str(FIXTURES / "national"), "-o", str(index)]) == 0
    return index


def test_trend_chart(cli, national):
    code, out, _ = cli("--index", str(national), "trend", "gdp_growth", "--chart")
    lines = out.strip().split("\n")
    assert code == 0 and lines[0] == "国内生产总值增长 (%)"
    assert [re.split(r"\s+", line)[0] for line in lines[1:]] == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert lines[4].count("#") == max(line.count("#") for line in lines[1:]) and lines[4].endswith("8.1%")


def test_count_chart_a_group_per_term(cli, national):
    code, out, _ = cli("--index", str(national), "count", "就业", "增长", "--chart")
    assert code == 0
    titles = [line for line in out.split("\n") if line and not line[0].isdigit()]
    assert titles == ["就业", "增长"]


def test_goals_check_chart(cli, national):
    code, out, _ = cli("--index", str(national), "goals", "--check", "--main", "--code", "gdp_growth", "--chart")
    lines = out.strip().split("\n")
    assert code == 0 and lines[0] == "国内生产总值 (%)"
    # 2020 set no growth target; 2024 has no next report here
    assert [line.split()[0] for line in lines[1:]] == ["2019", "2021", "2022", "2023", "2024"]
    assert [line.split()[-1] for line in lines[1:]] == ["met", "met", "missed", "met", "unknown"]
    assert "target" in lines[1] and "|" in lines[1]


@pytest.mark.parametrize("extra", [["--json"], ["--format", "csv"], ["--format", "table"]])
def test_chart_with_a_format_is_a_usage_error(cli, national, extra):
    code, out, err = cli("--index", str(national), "trend", "gdp_growth", "--chart", *extra)
    assert code == 2 and "--chart" in err and out == ""


def test_goals_chart_needs_check(cli, national):
    code, _, err = cli("--index", str(national), "goals", "--chart")
    assert code == 2 and "--check" in err
