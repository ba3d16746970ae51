"""Write completions/ from the app: python tools/gen_completions.py (a test fails on drift)."""
from __future__ import annotations

from pathlib import Path

from typer._completion_shared import get_completion_script

OUT = Path(__file__).resolve().parents[1] / "completions"
FILES = {"bash": "reportcli.bash", "zsh": "_reportcli", "fish": "reportcli.fish", "pwsh": "reportcli.ps1"}


def scripts() -> dict[str, str]:
    return {name: get_completion_script(prog_name="reportcli", complete_var="_REPORTCLI_COMPLETE", shell=shell)
            for shell, name in FILES.items()}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, script in scripts().items():
        (OUT / name).write_text(script if script.endswith("\n") else script + "\n", encoding="utf-8")
        print(OUT / name)


if __name__ == "__main__":
    main()
