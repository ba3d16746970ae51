"""One test (at least) per command: exit code, stdout, stderr; plus error handling."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, write


def test_reports_json_lists_the_seed(cli):
    code, out, err = cli("reports", "--json")
    assert code == 0 and err == ""
    [row] = json.loads(out)
    assert row["id"] == "hailar-2021"
    assert (row["region"], row["level"], row["year"], row["date"], row["published"]) == \
        ("海拉尔区", "county", 2021, "2021-03-02", "2021-03-04")
    assert row["source"] == "https://hailar.gov.cn/OpennessContent/show/416268.html"
    assert len(row["sha256"]) == 64 and row["file"] == "seeds/hailar-2021.txt"
    assert row["paragraphs"] == 104 and row["terms"] == 28


def test_reports_plain_text_in_a_pipe(cli):
    code, out, _ = cli("reports")
    assert code == 0 and out.startswith("hailar-2021\t2021\t海拉尔区\tcounty\t")
    assert "\x1b[" not in out


def test_outline_tree_and_json(cli):
    code, out, _ = cli("--no-color", "outline", "--format", "table")
    assert code == 0
    assert "hailar-2021" in out and "├── 3.1 (一)扎实做好“四大领域提升年”工作" in out
    assert "名词解释" in out
    code, out, _ = cli("outline", "--json")
    rows = json.loads(out)
    assert [r["number"] for r in rows if r["level"] == 1] == ["1", "2", "3", "4", "5"]
    assert rows[-1]["kind"] == "glossary"


def test_show_paragraph_with_neighbours(cli):
    code, out, _ = cli("show", "6", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["paragraph"], r["focus"]) for r in rows] == [(5, False), (6, True), (7, False)]
    assert rows[1]["text"].startswith("在疫情进入常态化防控阶段")
    assert rows[1]["section"] == "一、2020年及“十三五”时期经济社会发展工作回顾 > (一)众志成城,全力抗击新冠肺炎疫情"
    code, out, _ = cli("show", "hailar-2021:1", "--context", "0", "--json")
    assert [r["paragraph"] for r in json.loads(out)] == [1]


@pytest.mark.parametrize("reference, message", [("0", "paragraphs 1–104"), ("999", "not 999"),
                                                ("abc", "not a paragraph reference"), ("nope:3", "unknown report id")])
def test_show_bad_reference(cli, reference, message):
    code, out, err = cli("show", reference)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_search_finds_and_highlights(cli):
    code, out, err = cli("search", "垃圾分类", "--json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    assert {h["paragraph"] for h in hits} == {10, 64}
    for hit in hits:
        for start, end in hit["matches"]:
            assert hit["text"][start:end] == "垃圾分类"
        assert 0 <= hit["score"] <= 100


def test_search_table_highlights_in_a_terminal(cli):
    code, out, _ = cli("search", "垃圾分类", "--format", "table")
    assert code == 0 and "垃圾分类" in out and "hailar-2021" not in out  # one report: no report column


def test_search_all_words_must_match(cli):
    code, out, _ = cli("search", "垃圾", "焚烧", "--json")
    assert {h["paragraph"] for h in json.loads(out)} == {10, 52}  # 垃圾焚烧发电 in both


def test_search_no_match_exits_1(cli):
    code, out, err = cli("search", "量子计算")
    assert code == 1 and out == "" and "no paragraph matches" in err
    code, out, _ = cli("search", "量子计算", "--json")
    assert code == 1 and json.loads(out) == []


def test_search_empty_query_is_usage_error(cli):
    code, _, err = cli("search", "  ")
    assert code == 2 and "empty" in err


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_other_formats(cli, fmt):
    code, out, _ = cli("search", "疫苗", "--format", fmt)
    assert code == 0
    lines = out.strip().splitlines()
    if fmt == "jsonl":
        assert all(json.loads(line)["report"] == "hailar-2021" for line in lines)
    else:
        assert lines[0] == "report,paragraph,section,score,text,matches,match"


def test_limit(cli):
    code, out, _ = cli("search", "发展", "--limit", "3", "--json")
    assert len(json.loads(out)) == 3
    code, out, _ = cli("search", "发展", "--limit", "0", "--json")
    assert len(json.loads(out)) > 20
    code, _, err = cli("search", "发展", "--limit", "-1")
    assert code == 2


def test_unknown_report(cli):
    code, _, err = cli("search", "就业", "--report", "nope")
    assert code == 2 and "unknown report id: nope" in err


def test_bad_option_is_one_line_exit_2(cli):
    code, out, err = cli("search", "就业", "--bogus")
    assert code == 2 and out == "" and err.count("\n") == 1 and "--bogus" in err
    code, _, err = cli("search", "就业", "--format", "xml")
    assert code == 2 and err.count("\n") == 1


def test_version(cli):
    from reportcli import __version__

    assert cli("--version") == (0, f"reportcli {__version__}\n", "")


def test_index_precedence(cli, tmp_path, monkeypatch, isolated_environment):
    missing = tmp_path / "missing.sqlite"
    write(isolated_environment / "reportcli" / "config.toml", f'index = "{tmp_path / "from-config.sqlite"}"\n')
    code, _, err = cli("reports")
    assert code == 2 and "from-config.sqlite" in err
    monkeypatch.setenv("REPORTCLI_INDEX", str(tmp_path / "from-env.sqlite"))
    code, _, err = cli("reports")
    assert code == 2 and "from-env.sqlite" in err
    code, _, err = cli("--index", str(missing), "reports")
    assert code == 2 and "index not found" in err and "missing.sqlite" in err and err.count("\n") == 1


def test_malformed_config_names_file_and_line(cli, isolated_environment):
    config = write(isolated_environment / "reportcli" / "config.toml", 'color = "auto"\nindex = \n')
    code, out, err = cli("reports")
    assert code == 2 and out == ""
    assert str(config) in err and "line 2" in err and err.count("\n") == 1


def test_corrupt_index_via_cli(cli, tmp_path):
    bad = write(tmp_path / "bad.sqlite", "garbage" * 500)
    code, _, err = cli("--index", str(bad), "search", "就业")
    assert code == 2 and "not a readable SQLite database" in err and "Traceback" not in err


def test_debug_shows_the_traceback_and_keeps_the_exit_code(cli, tmp_path):
    code, out, err = cli("--debug", "--index", str(tmp_path / "x.sqlite"), "reports")
    assert code == 2 and out == ""
    assert "Traceback" in err and "IndexFileError" in err and err.splitlines()[-1].startswith("reportcli: error: index not found")
    code, _, err = cli("--debug", "search", "就业", "--bogus")
    assert code == 2 and "--bogus" in err


def test_a_query_process_ends_without_teardown_but_with_all_its_output_and_exit_code(tmp_path):
    """run() ends a query's process with os._exit after flushing: nothing written may be lost,
    to a pipe or a file, and the exit code stays grep-like."""
    def run(*argv, stdout=subprocess.PIPE):
        return subprocess.run([sys.executable, "-m", "reportcli", *argv], stdout=stdout, stderr=subprocess.PIPE,
                              cwd=ROOT, timeout=60)

    everything = run("metrics", "--json")
    assert everything.returncode == 0 and len(json.loads(everything.stdout)) > 100
    with open(tmp_path / "figures.csv", "wb") as handle:
        assert run("metrics", "--format", "csv", stdout=handle).returncode == 0
    import csv

    with open(tmp_path / "figures.csv", encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(json.loads(everything.stdout))
    nothing = run("search", "量子计算机器人", "--exact", "--json")
    assert nothing.returncode == 1 and nothing.stdout == b"[]\n" and nothing.stderr.startswith(b"reportcli: no paragraph")
    usage = run("search")
    assert usage.returncode == 2 and usage.stderr.count(b"\n") == 1


def test_python_dash_m_and_broken_pipe():
    """A real process: `python -m reportcli` works, and a closed pipe ends it quietly."""
    process = subprocess.Popen([sys.executable, "-m", "reportcli", "search", "发展", "--limit", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert process.returncode in (0, -13) and err == b""  # -13: ended by SIGPIPE, as grep is
