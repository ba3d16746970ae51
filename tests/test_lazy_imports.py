"""A query imports only what it uses: no parser, segmenter, fuzzy matcher or pinyin table for a
plain search, no Rich for JSON, no json module at all (jsoncodec). Start-up is the budget
(benchmarks/startup.py); this keeps a stray module-level import from spending it unnoticed."""
import subprocess
import sys

import pytest

_HEAVY = ("jieba", "rjieba", "pypinyin", "rapidfuzz", "reportcli.parse", "reportcli.index.build", "dataclasses")


def _modules_after(*argv: str) -> set[str]:
    code = ("import contextlib, io, sys\n"
            "from reportcli.cli import main\n"
            f"sys.argv = ['reportcli', *{list(argv)!r}]\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()): main()\n"
            "print('\\n'.join(sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"COLUMNS": "100", "PATH": ""})
    return set(result.stdout.split())


def _loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(name for name in modules if name.split(".")[0] in prefixes or name.startswith(prefixes))


@pytest.mark.parametrize("argv", [("search", "垃圾分类", "--json"), ("metrics", "地区生产总值", "--json"),
                                  ("goals", "--json"), ("define", "六稳", "--json")])
def test_json_queries_import_no_heavy_module_no_rich_no_json(argv):
    modules = _modules_after(*argv)
    assert "reportcli.index.store" in modules  # the query did run
    assert _loaded(modules, (*_HEAVY, "rich", "json")) == []


def test_a_table_imports_rich_but_nothing_heavy():
    modules = _modules_after("search", "垃圾分类", "--format", "table")
    assert "rich.table" in modules
    assert _loaded(modules, tuple(name for name in _HEAVY if name != "dataclasses")) == []  # Rich uses dataclasses
