"""Any input is answered in bounded time and memory, with a clear message (issue: hostile inputs).

Time is checked as a ratio to a plain parse of ordinary text of the same length in the same run
(never an absolute time): a pattern that backtracks quadratically makes the ratio grow with
the length, which these lengths make far larger than the budget. benchmarks/adversarial.py runs
the same shapes at 10⁵–10⁶ characters."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from reportcli.parse import parse_report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from adversarial import SHAPES, ordinary  # noqa: E402

LENGTH = 30_000
BUDGET = 40  # × a plain pass; quadratic patterns measured 100–600× at this length before the fix


def _seconds(text: str) -> float:
    start = time.perf_counter()
    parse_report(text)
    return time.perf_counter() - start


@pytest.fixture(scope="module")
def plain_pass() -> float:
    _seconds(ordinary(1000))  # the segmenter's load is not the text's cost
    return min(_seconds(ordinary(LENGTH)) for _ in range(2))


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_extractor_is_linear_on_hostile_runs(name, plain_pass):
    text = SHAPES[name](LENGTH)
    ratio = _seconds(text) / plain_pass
    assert ratio < BUDGET, f"{name}: {ratio:.0f}× a plain pass"


def test_a_numeral_of_thousands_of_scale_words_is_skipped_not_the_report():
    report = parse_report("各位代表：\n一、2023年工作回顾\n全年新增" + "一万" * 5000 + "人，地区生产总值增长5%。")
    assert [f.raw for f in report.figures] == ["5%"]
    [warning] = [w for w in report.warnings if "numeral" in w]
    assert "skipped" in warning and len(warning) < 200  # the numeral shown cut short


def test_digit_runs_longer_than_any_figure_are_no_figure():
    report = parse_report("全年增长" + "9" * 40 + "%，城镇新增就业1.2万人。")
    assert [f.raw for f in report.figures] == ["1.2万人"]


# ------------------------------------------------------------------ files read with limits

def test_a_docx_that_inflates_beyond_any_report_is_refused(cli, tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + " " * (80 << 20) + "</w:document>")
    assert bomb.stat().st_size < 1 << 20
    code, _, err = cli("inspect", str(bomb))
    assert code == 2 and "inflates to 80 MB" in err and "zip bomb" in err


def test_a_text_file_far_larger_than_a_report_is_refused_before_parsing(cli, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(("全年地区生产总值增长5%。\n" * 400_000).encode("utf-8"))  # 12 MB
    code, _, err = cli("build", str(big), "-o", str(tmp_path / "i.sqlite"))
    assert code == 2 and "far more than one report" in err and "dataset" in err


def test_text_of_punctuation_or_control_characters_only_is_said(cli, tmp_path):
    (tmp_path / "punct.txt").write_text("。，、；！？" * 200, encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes(b"\x00" * 5000)
    (tmp_path / "ok.txt").write_text("各位代表：\n全年地区生产总值增长5%。", encoding="utf-8")
    code, _, err = cli("build", str(tmp_path), "-o", str(tmp_path / "i.sqlite"))
    assert code == 0 and "indexed 1 report" in err
    assert "punct.txt: the text has no words" in err
    assert "nul.txt" in err  # a warning, not silence


# ------------------------------------------------------------------ config

def _run(*args: str, env: dict | None = None, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportcli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def _config(isolated_environment: Path) -> Path:
    folder = isolated_environment / "reportcli"
    folder.mkdir(exist_ok=True)
    return folder / "config.toml"


def test_a_config_that_is_a_fifo_is_an_error_not_a_hang(isolated_environment):
    os.mkfifo(_config(isolated_environment))
    result = _run("reports", "--json", env={"XDG_CONFIG_HOME": str(isolated_environment)}, timeout=20)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_a_config_linked_to_an_endless_device_is_an_error(isolated_environment):
    os.symlink("/dev/zero", _config(isolated_environment))
    result = _run("reports", "--json", env={"XDG_CONFIG_HOME": str(isolated_environment)}, timeout=20)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_a_config_too_large_to_be_one(cli, isolated_environment):
    _config(isolated_environment).write_text("# x\n" * 400_000)
    code, _, err = cli("reports", "--json")
    assert code == 2 and "too large for a config file" in err


def test_a_config_with_a_bom_is_read(cli, isolated_environment, tmp_path):
    index = tmp_path / "i.sqlite"
    assert cli("build", str(ROOT / "tests" / "fixtures" / "qingshan"), "-o", str(index))[0] == 0
    _config(isolated_environment).write_bytes(b"\xef\xbb\xbf" + f'index = "{index}"\n'.encode())
    code, out, err = cli("reports", "--json")
    assert code == 0 and err == "" and len(json.loads(out)) == 3


def test_a_config_nested_thousands_deep_is_a_clear_error(cli, isolated_environment):
    _config(isolated_environment).write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    code, _, err = cli("reports", "--json")
    assert code == 2 and "malformed config file" in err and "unexpected" not in err


def test_many_unknown_settings_are_one_summary_line(cli, isolated_environment):
    _config(isolated_environment).write_text("".join(f"key{n} = 1\n" for n in range(3000)))
    code, _, err = cli("reports", "--json")
    assert code == 0
    lines = err.strip().splitlines()
    assert len(lines) == 6 and "… and 2,995 more unknown settings" in lines[-1]


# ------------------------------------------------------------------ completion

def _complete(words: str, cword: str) -> subprocess.CompletedProcess:
    return _run(env={"_REPORTCLI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword})


def test_completion_of_a_huge_prefix_suggests_nothing_and_says_nothing():
    long = "h" * 100_000
    for words, cword in ((f"reportcli search x --report {long}", "4"), (f"reportcli define {long}", "2"),
                         (f"reportcli metrics --unit {long}", "3")):
        result = _complete(words, cword)
        assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")


def test_completion_with_a_non_numeric_cword_stays_quiet():
    result = _complete("reportcli search x --report h", "x")
    assert result.returncode == 0 and result.stderr == ""


# ------------------------------------------------------------------ messages and options

@pytest.mark.parametrize("name, shown", [("a\nb.sqlite", "a\\nb.sqlite"), ("x\u202egnp.sqlite", "x\\u202egnp.sqlite"),
                                         ("esc\x1b[31m.sqlite", "esc\\x1b[31m.sqlite")])
def test_names_in_messages_are_printed_safely(cli, tmp_path, name, shown):
    code, _, err = cli("build", str(ROOT / "tests" / "fixtures" / "qingshan" / "2021.txt"), "-o", str(tmp_path / name))
    assert code == 0 and shown in err
    assert err.count("\n") == err.strip().count("\n") + 1 and "\u202e" not in err and "\x1b" not in err


def test_an_empty_section_filter_is_a_usage_error(cli):
    for command in ("search", "metrics"):
        code, _, err = cli(command, "经济", "--section", "")
        assert code == 2 and "--section is empty" in err


def test_a_terminal_too_narrow_for_a_table_draws_it_at_80_with_a_warning(tmp_path):
    result = _run("goals", "--main", "--format", "table", env={"COLUMNS": "1"})
    assert result.returncode == 0 and "main" in result.stdout
    assert "1 column wide" in result.stderr and max(len(line) for line in result.stdout.splitlines()) > 40


# ------------------------------------------------------------------ temp files

def test_a_build_removes_the_temp_files_of_killed_builds_into_the_same_file(cli, tmp_path):
    index = tmp_path / "i.sqlite"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # a pid that no longer runs
    stale = tmp_path / f".i.sqlite.{dead.pid}.abc123.tmp"
    stale.write_bytes(b"half an index")
    live = tmp_path / f".i.sqlite.{os.getpid()}.def456.tmp"  # a build in progress (this process)
    live.write_bytes(b"")
    other = tmp_path / f".other.sqlite.{dead.pid}.x.tmp"  # not this index's
    other.write_bytes(b"")
    assert cli("build", str(ROOT / "tests" / "fixtures" / "qingshan" / "2021.txt"), "-o", str(index))[0] == 0
    assert not stale.exists() and live.exists() and other.exists()
