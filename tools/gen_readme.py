"""Regenerate the output shown under every `$ reportcli …` line of README.md's console blocks, so
that the README's examples cannot go stale (tests/test_readme.py fails when they would change).

    python tools/gen_readme.py            # rewrite README.md
    python tools/gen_readme.py --check    # exit 1 and name the first stale example

Each command runs from the project root as a user would type it, with the indexes it names
(`qingshan.sqlite`, `national.sqlite`, `corpus.sqlite`, or one an earlier line of the block
builds) made in a temporary folder from the fixtures. A block drawn as a table is run as a
table at the width it is drawn at (--format table, no colour); `| cat` is a pipe (plain text);
`| csvcut -c A,B` keeps those CSV columns. Standard error is shown where a terminal shows it.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# Indexes the README's examples read, and the fixtures each is built from.
INDEXES = {"qingshan.sqlite": "tests/fixtures/qingshan", "corpus.sqlite": "tests/fixtures/qingshan",
           "national.sqlite": "tests/fixtures/national"}
_BLOCK = re.compile(r"(```console\n)(.*?)(```)", re.S)
_TABLE_MARKS = "┏┃│├└┡"


def _width(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.splitlines()), default=80)


def _run(command: str, expected: str, scratch: Path) -> str:
    pipe = None
    if "|" in command:
        command, pipe = (part.strip() for part in command.split("|", 1))
    argv = shlex.split(command)
    argv = [scratch / arg if arg in INDEXES or arg.endswith(".sqlite") else arg for arg in argv]
    if argv[0] != "reportcli":
        raise SystemExit(f"README example is not a reportcli command: {command}")
    argv = [sys.executable, "-m", "reportcli", *map(str, argv[1:])]
    table = pipe is None and any(mark in expected for mark in _TABLE_MARKS) and "--format" not in command
    if table:
        argv += ["--format", "table"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "COLUMNS": str(_width(expected) if table else 80)}
    env.pop("REPORTCLI_INDEX", None)
    result = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = "".join(line.rstrip() + "\n" for line in result.stdout.splitlines())
    if argv[3:4] == ["build"] or "build" in argv[3:5]:
        return ""  # a build's summary line names temporary paths: the README shows none
    if pipe and pipe.startswith("csvcut"):
        columns = shlex.split(pipe)[2].split(",")
        rows = list(csv.DictReader(io.StringIO(output)))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[row[column] for column in columns] for row in rows])
        return out.getvalue()
    return output


def regenerate(text: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for name, source in INDEXES.items():
            subprocess.run([sys.executable, "-m", "reportcli", "build", source, "-o", str(scratch / name)], cwd=ROOT,
                           check=True, capture_output=True)

        def block(match: re.Match) -> str:
            lines = match.group(2).split("\n")[:-1]
            out: list[str] = []
            index = 0
            while index < len(lines):
                if not lines[index].startswith("$ "):
                    out.append(lines[index] + "\n")
                    index += 1
                    continue
                written = [lines[index]]
                while written[-1].endswith("\\") and index + 1 < len(lines):  # a command continued
                    index += 1
                    written.append(lines[index])
                index += 1
                expected_lines = []
                while index < len(lines) and not lines[index].startswith("$ "):
                    expected_lines.append(lines[index])
                    index += 1
                command = " ".join(line.rstrip("\\").strip() for line in written)[2:]
                command = re.sub(r"\s+#.*$", "", command)
                out.append("\n".join(written) + "\n" + _run(command, "\n".join(expected_lines), scratch))
            return match.group(1) + "".join(out) + match.group(3)

        return _BLOCK.sub(block, text)


def main() -> int:
    current = README.read_text(encoding="utf-8")
    fresh = regenerate(current)
    if "--check" in sys.argv:
        if fresh != current:
            for old, new in zip(current.splitlines(), fresh.splitlines()):
                if old != new:
                    print(f"README.md is stale (run python tools/gen_readme.py):\n- {old}\n+ {new}")
                    break
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    print(README)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
