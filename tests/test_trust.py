"""Answers a user can trust at a glance (issue 15): filters answer from the selected reports only,
rows name their report, approximate and truncated answers say so, options work where users type
them, colour follows the terminal and the environment, CSV for Excel everywhere, `info`."""
import json
import re

import pytest

from conftest import ROOT, write

QINGSHAN = ROOT / "tests" / "fixtures" / "qingshan"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from reportcli.cli import main

    index = tmp_path_factory.mktemp("trust") / "corpus.sqlite"
    assert main(["build", str(QINGSHAN), "-o", str(index)]) == 0
    return index


# Every query command, with the arguments it needs.
COMMANDS = [("search", "就业"), ("metrics",), ("goals",), ("define",), ("outline",), ("show", "2"), ("count", "就业"),
            ("cite", "2"), ("trend", "地区生产总值"), ("reports",)]
FILTERS = [("--year", "1999", "years in the index: 2021, 2022, 2023"), ("--region", "北京", "regions in the index: 青山县"),
           ("--level", "province", "levels in the index: county")]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("flag, value, hint", FILTERS, ids=lambda f: f if f.startswith("--") else None)
def test_a_filter_that_selects_no_report_answers_nothing(cli, corpus, command, flag, value, hint):
    code, out, err = cli("--index", str(corpus), *command, flag, value)
    assert code == 1 and out == ""
    assert err == f"reportcli: no report matches {flag} {value} ({hint})\n"
    code, out, _ = cli("--index", str(corpus), *command, flag, value, "--json")
    assert code == 1 and json.loads(out) == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_filter_answers_from_the_selected_reports_only(cli, corpus, command):
    year = "2021" if command[0] == "define" else "2022"  # only 2021 has a glossary
    code, out, err = cli("--index", str(corpus), *command, "--year", year, "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and {row.get("report", row.get("id")) for row in rows} == {year}


@pytest.mark.parametrize("command", [("metrics",), ("goals",), ("outline",), ("show", "2022:2"), ("search", "就业"),
                                     ("define",)], ids=lambda c: c[0])
def test_every_row_names_its_report_in_a_corpus(cli, corpus, command):
    code, out, _ = cli("--index", str(corpus), *command)  # piped: plain text
    assert code == 0
    lines = out.strip().splitlines()
    assert all(re.match(r"^(2021|2022|2023)\t", line) for line in lines), lines[:3]
    code, table, _ = cli("--index", str(corpus), *command, "--format", "table")
    assert "report" in table.splitlines()[1] or "2021" in table or "2022" in table


def test_the_report_column_is_hidden_in_a_terminal_only_for_a_single_report(cli):
    _, table, _ = cli("metrics", "地区生产总值", "--format", "table")
    assert "hailar-2021" not in table
    _, piped, _ = cli("metrics", "地区生产总值")
    assert all(line.startswith("hailar-2021\t") for line in piped.strip().splitlines())


def test_approximate_answers_say_so(cli):
    code, out, err = cli("search", "棚户区改照", "--json")
    assert code == 0 and {hit["match"] for hit in json.loads(out)} == {"fuzzy"}
    assert "as typed" in err and "approximate" in err and "--exact" in err and err.count("\n") == 1
    code, out, err = cli("search", "棚户区改照", "--exact", "--json")
    assert code == 1 and json.loads(out) == [] and "no paragraph matches" in err
    _, out, err = cli("search", "垃圾分类", "--json")
    assert {hit["match"] for hit in json.loads(out)} == {"exact"} and err == ""
    _, out, _ = cli("search", "环境", "营商", "--json")
    assert {hit["match"] for hit in json.loads(out)} == {"words"}


def test_truncation_says_how_many_were_left_out(cli):
    code, out, err = cli("search", "就业")
    assert code == 0 and err == ""
    code, out, err = cli("search", "发展", "--limit", "5")
    assert len(out.strip().splitlines()) == 5
    assert re.fullmatch(r"reportcli: showing 5 of \d+; --limit 0 shows all\n", err)
    code, _, err = cli("metrics", "--limit", "3")
    assert err == "reportcli: showing 3 of 155; --limit 0 shows all\n"
    code, _, err = cli("metrics", "--limit", "0")
    assert err == ""


@pytest.mark.parametrize("fmt", ["--json", "--format=jsonl"])
def test_a_streamed_answer_is_cut_and_counted_as_a_listed_one(cli, fmt):
    """JSON and JSON Lines answers of metrics and goals are written as they are made: the same
    rows, the same note past --limit, the same empty answer."""
    rows = (lambda out: json.loads(out)) if fmt == "--json" else (lambda out: [json.loads(line) for line in
                                                                              out.splitlines()])
    code, out, err = cli("metrics", "--limit", "3", fmt)
    assert code == 0 and err == "reportcli: showing 3 of 155; --limit 0 shows all\n"
    _, every, _ = cli("metrics", fmt)
    assert rows(out) == rows(every)[:3] and len(rows(every)) == 155
    code, out, err = cli("goals", "--check", "--limit", "1", fmt)
    _, listed, _ = cli("goals", "--check", "--format", "csv")
    assert code == 0 and len(rows(out)) == 1 and err.startswith("reportcli: showing 1 of ")
    assert err == f"reportcli: showing 1 of {len(listed.splitlines()) - 1}; --limit 0 shows all\n"
    code, out, err = cli("metrics", "--min", "1e30", fmt)
    assert code == 1 and out == ("[]\n" if fmt == "--json" else "") and "no figures match" in err


@pytest.mark.parametrize("args", [
    ("search", "就业", "--index", "{index}"),
    ("search", "就业", "--no-color", "--index", "{index}"),
    ("search", "就业", "--color", "never"),
    ("--color", "always", "search", "就业"),
    ("metrics", "--index", "{index}", "--debug"),
])
def test_global_options_work_after_the_command(cli, corpus, args):
    code, out, err = cli(*[arg.format(index=corpus) for arg in args])
    assert code == 0 and "No such option" not in err
    if "{index}" in args:
        assert "2022\t" in out  # answered from the corpus, not the bundled index


def test_colour_like_rg(cli, monkeypatch):
    _, out, _ = cli("search", "垃圾分类", "--color", "always")  # piped, but forced
    assert "\x1b[1;31m垃圾分类\x1b[0m" in out
    _, out, _ = cli("search", "垃圾分类", "--format", "table", "--color", "never")
    assert "\x1b[" not in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = cli("search", "垃圾分类")
    assert "\x1b[1;31m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR")
    _, out, _ = cli("search", "垃圾分类", "--format", "table")
    assert "\x1b[3" not in out and "\x1b[1;31m" not in out


@pytest.mark.parametrize("command", [("search", "就业"), ("metrics",), ("goals",), ("define",), ("outline",),
                                     ("show", "2"), ("count", "就业"), ("cite", "2"), ("trend", "地区生产总值"),
                                     ("reports",), ("info",)], ids=lambda c: c[0])
def test_every_csv_can_carry_a_bom_for_excel(cli, command):
    code, out, _ = cli(*command, "--format", "csv", "--bom")
    assert code == 0 and out.startswith("\ufeff") and out.count("\ufeff") == 1


def test_info_says_which_index_and_why(cli, corpus, monkeypatch, isolated_environment):
    code, out, _ = cli("info", "--json")
    [row] = json.loads(out)
    assert (row["reason"], row["schema_version"], [r["id"] for r in row["reports"]]) == ("bundled", 8, ["hailar-2021"])
    assert row["index"].endswith("bundled.sqlite") and row["size"] > 0
    monkeypatch.setenv("REPORTCLI_INDEX", str(corpus))
    [row] = json.loads(cli("info", "--json")[1])
    assert (row["reason"], row["index"], len(row["reports"])) == ("environment", str(corpus), 3)
    [row] = json.loads(cli("info", "--index", str(corpus), "--json")[1])
    assert row["reason"] == "flag"
    monkeypatch.delenv("REPORTCLI_INDEX")
    write(isolated_environment / "reportcli" / "config.toml", f'index = "{corpus}"\n')
    [row] = json.loads(cli("info", "--json")[1])
    assert row["reason"] == "config" and row["detail"].endswith("config.toml")
    code, out, _ = cli("info")
    assert code == 0 and "chosen by\tconfig" in out and "2021" in out


def test_narrow_terminals_keep_key_columns_whole(cli, corpus, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = cli("--index", str(corpus), "trend", "地区生产总值", "--format", "table")
    assert "120.5亿元" in out and "2021" in out and "…" not in out
    assert all(len(line) <= 80 for line in out.splitlines())
    _, out, _ = cli("metrics", "--format", "table", "--limit", "3")
    header = out.splitlines()[1]
    assert "as written" in header and "indicator" in header


def test_smaller_things(cli, isolated_environment):
    code, _, err = cli("metrics", "--section", "就业创业大会战")
    assert code == 2 and "no section matches" in err and "reportcli outline" in err
    _, quoted, _ = cli("cite", "3")  # the paragraph quotes “六稳”“六保”: inside a quotation they become ‘’
    quotation, source = quoted.split("”（", 1)
    assert quotation.startswith("“") and "‘六稳’" in quotation and "“" not in quotation[1:]
    assert "“十三五”" in source  # the source part is not inside the quotation: its marks stay
    write(isolated_environment / "reportcli" / "config.toml", 'index_file = "x.sqlite"\n')
    code, _, err = cli("reports")
    assert code == 0 and "unknown setting `index_file`" in err
