"""Write docs/cli.md, the CLI reference, from the app itself: python tools/gen_docs.py

Uses Typer's own generator (`python -m typer reportcli.cli utils docs`); a test fails when
docs/cli.md drifts from the app.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def reference() -> str:
    result = subprocess.run([sys.executable, "-m", "typer", "reportcli.cli", "utils", "docs", "--name", "reportcli",
                             "--title", "reportcli command reference"],
                            capture_output=True, text=True, check=True, env={"COLUMNS": "100", "PATH": ""})
    return result.stdout


def main() -> None:
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(reference(), encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
