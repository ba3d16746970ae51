"""docs/json.md documents every field of every command's JSON, and nothing else: it cannot drift."""
import json
import re

import pytest

from conftest import ROOT, SEED

DOC = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
QINGSHAN = ROOT / "tests" / "fixtures" / "qingshan"


def documented(heading: str) -> list[str]:
    section = re.split(r"^## ", DOC, flags=re.M)
    body = next(part for part in section if part.split("\n", 1)[0].strip() == heading)
    return re.findall(r"^\| `([a-z_0-9]+)` \|", body, flags=re.M)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from reportcli.cli import main

    index = tmp_path_factory.mktemp("docs") / "corpus.sqlite"
    assert main(["build", str(QINGSHAN), "-o", str(index)]) == 0
    return index


CASES = {
    "search": ["search", "就业"], "metrics": ["metrics"], "goals": ["goals"], "define": ["define", "六保"],
    "outline": ["outline"], "show": ["show", "5"], "cite": ["cite", "5"], "reports": ["reports"],
    "trend": ["trend", "地区生产总值"], "info": ["info"], "inspect": ["inspect", str(SEED)],
}


@pytest.mark.parametrize("heading", list(CASES))
def test_documented_fields_are_the_output_fields(cli, heading):
    code, out, err = cli(*CASES[heading], "--json")
    assert code == 0, err
    assert list(json.loads(out)[0]) == documented(heading)


def test_check_count_and_compare(cli, corpus):
    _, out, _ = cli("--index", str(corpus), "goals", "--check", "--json")
    assert list(json.loads(out)[0]) == documented("goals") + documented("goals --check")
    _, out, _ = cli("--index", str(corpus), "count", "就业", "--json")
    assert list(json.loads(out)[0]) == documented("count")[:4]
    _, out, _ = cli("--index", str(corpus), "count", "就业", "--by", "section", "--json")
    assert list(json.loads(out)[0]) == documented("count")[:5]
    _, out, _ = cli("--index", str(corpus), "count", "就业", "--by", "year", "--json")
    assert list(json.loads(out)[0]) == ["year", "term", "count", "reports"]
    _, out, _ = cli("--index", str(corpus), "compare", "2021", "2022", "--json")
    assert list(json.loads(out)[0]) == documented("compare")


def test_every_command_is_documented_and_in_the_changelog():
    from reportcli.cli import COMMANDS

    commands = set(COMMANDS)
    assert commands - {"build", "add"} <= {h.split()[0] for h in re.findall(r"^## (.+)$", DOC, flags=re.M)}
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    missing = [name for name in commands if f"`{name}`" not in changelog]
    assert not missing, f"CHANGELOG.md does not mention {missing}"
