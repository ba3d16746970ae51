"""Shell completion: the checked-in scripts match the app, and dynamic values come from the index."""
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))


def test_completion_scripts_do_not_drift():
    from gen_completions import OUT, scripts

    for name, script in scripts().items():
        expected = script if script.endswith("\n") else script + "\n"
        assert (OUT / name).read_text(encoding="utf-8") == expected, f"run python tools/gen_completions.py ({name})"


def complete(words: str, cword: int) -> list[str]:
    env = {**os.environ, "_REPORTCLI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = subprocess.run([sys.executable, "-m", "reportcli"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_commands_complete():
    assert "search" in complete("reportcli se", 1)


def test_report_ids_complete_from_the_index():
    assert complete("reportcli search 就业 --report h", 4) == ["hailar-2021"]
    assert complete("reportcli search 就业 --report zzz", 4) == []


def test_completion_with_a_broken_index_stays_quiet(tmp_path: Path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("nope")
    assert complete(f"reportcli --index {bad} search 就业 --report h", 6) == []


def test_glossary_terms_complete():
    assert complete("reportcli define 六", 2) == ["六稳", "六保"]
    assert complete("reportcli define IP", 2) == ["IPV6"]
    assert "三线一单" in complete("reportcli define ", 2)


def test_sections_units_and_paragraphs_complete():
    assert complete("reportcli search 就业 --section 3.1", 4)[:2] == ["3.1", "3.1.1"]
    assert "%" in complete("reportcli metrics --unit ", 3) and "元" in complete("reportcli metrics --unit ", 3)
    assert complete("reportcli show 10", 2) == ["10", "100", "101", "102", "103", "104"]


def test_show_completion_prints_a_script():
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-m", "reportcli", "--show-completion", "bash"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "_REPORTCLI_COMPLETE" in result.stdout
