"""Shared fixtures: every test runs with its own config dir and no index from the environment."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "hailar-2021.txt"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory, monkeypatch):
    config_home = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    monkeypatch.delenv("REPORTCLI_INDEX", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return config_home


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process: cli(*args) -> (exit code, stdout, stderr)."""
    from reportcli.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_text):
    from reportcli.parse import parse_report

    return parse_report(seed_text)


def altered_bundled_index(path: Path, *statements: str) -> Path:
    """A copy of the bundled index at `path` with SQL statements applied (a damaged, older or
    newer index for the tests of how one is refused)."""
    import sqlite3

    from reportcli.config import BUNDLED_INDEX

    path.write_bytes(BUNDLED_INDEX.read_bytes())
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


sys.path.insert(0, str(Path(__file__).parent))
