"""The README's quick start stays true: two commands, the first answers, the second is CI's."""
import re
import shutil
import subprocess
import sys

from conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_quick_start_is_two_commands():
    install_and_search, install_and_test = quick_start_commands()
    assert install_and_search.startswith("pip install") and install_and_search.endswith("reportcli search 垃圾分类")
    assert install_and_test == "pip install -e '.[test]' && pytest"
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install --quiet --disable-pip-version-check -e '.[test]'" in ci
    assert re.search(r"^pytest$", ci, re.M), "CI must run the README's test command"


def test_quick_start_search_answers_from_the_bundled_index(tmp_path):
    """The first command's query part, run as a user would, from outside the repo."""
    command = quick_start_commands()[0].split("&&", 1)[1].split()
    executable = shutil.which("reportcli")
    argv = [executable, *command[1:]] if executable else [sys.executable, "-m", "reportcli", *command[1:]]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "垃圾分类" in result.stdout and "hailar-2021" in result.stdout
