"""Terminal behaviour: tables fit the width with CJK text, colour follows NO_COLOR and --no-color."""
import io
import json
import re

import pytest
from rich.cells import cell_len

from reportcli import render, views
from reportcli.views import Column


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


ROWS = [{"report": "hailar-2021", "paragraph": 64, "text": "深入推进生活垃圾分类,全面提高城镇垃圾无害化处理能力," * 6,
         "matches": [[4, 8]]}]
COLUMNS = [Column("report", "report", no_wrap=True), Column("paragraph", "¶", justify="right"),
           Column("text", "text", ratio=3)]


@pytest.mark.parametrize("width", [60, 100])
def test_tables_fit_the_terminal_width_with_double_width_characters(monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    out = Terminal()
    views.emit(ROWS, "table", COLUMNS, stream=out, highlight_key="text")
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in out.getvalue().splitlines()]
    assert lines and all(cell_len(line) <= width for line in lines)
    assert len({cell_len(line) for line in lines if line.strip()}) == 1  # box edges line up


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    coloured = Terminal()
    views.emit(ROWS, "table", COLUMNS, stream=coloured, highlight_key="text")
    assert "\x1b[" in coloured.getvalue()
    plain = Terminal()
    views.emit(ROWS, "table", COLUMNS, stream=plain, highlight_key="text", no_color=True)
    assert "\x1b[3" not in plain.getvalue()  # no colour codes (bold/reverse may remain)
    monkeypatch.setenv("NO_COLOR", "1")
    env_plain = Terminal()
    views.emit(ROWS, "table", COLUMNS, stream=env_plain, highlight_key="text")
    assert "\x1b[3" not in env_plain.getvalue()


def test_pipe_gets_plain_lines_and_json_is_clean():
    assert render.choose_format(None, False, io.StringIO()) == "plain"
    assert render.choose_format(None, False, Terminal()) == "table"
    assert render.choose_format("csv", True, Terminal()) == "json"
    out = io.StringIO()
    views.emit(ROWS, "json", COLUMNS, stream=out)
    assert json.loads(out.getvalue())[0]["paragraph"] == 64


def test_snippet_windows_long_text_around_the_match():
    text = "前" * 300 + "垃圾分类" + "后" * 300
    window, spans = views.snippet(text, [[300, 304]], width=120)
    assert window.startswith("…") and window.endswith("…") and len(window) <= 122
    [(start, end)] = spans
    assert window[start:end] == "垃圾分类"


def _csv_of_every_row(rows):
    """The CSV rule, over rows held all at once: a column for every key of any row in the order
    keys first appear, an object's keys (in any row) as KEY_SUB columns."""
    import csv

    nested: dict = {}
    for row in rows:
        for key, value in row.items():
            if isinstance(value, dict):
                nested.setdefault(key, [])
                nested[key] += [sub for sub in value if sub not in nested[key]]
    flat = [render._flatten(row, nested) for row in rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(dict.fromkeys(k for row in flat for k in row)),
                            lineterminator="\n", restval="")
    writer.writeheader()
    for row in flat:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else ("" if v is None else v)
                         for k, v in row.items()})
    return out.getvalue()


@pytest.mark.parametrize("spill", [1, 4, 10_000])
def test_csv_columns_come_from_every_row_even_those_kept_in_a_file(monkeypatch, spill):
    rows = [{"report": f"r{n}", "value": n, "outcome": None} for n in range(8)]
    rows += [{"report": "late", "value": 1.5, "outcome": {"raw": "6%", "value": 6}, "note": "新"},
             {"report": "later", "value": None, "outcome": {"raw": "5%", "unit": "%"}, "tags": ["a", "乙"]}]
    monkeypatch.setattr(render, "SPILL_ROWS", spill)
    out = io.StringIO()
    render.write_structured(iter(rows), "csv", out)
    assert out.getvalue() == _csv_of_every_row(rows)
    assert out.getvalue().splitlines()[0] == "report,value,outcome_raw,outcome_value,outcome_unit,note,tags"


def test_no_room_for_the_csv_rows_is_one_clear_error(monkeypatch):
    import tempfile

    from reportcli.errors import ReportcliError

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "SPILL_ROWS", 1)
    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    out = io.StringIO()
    with pytest.raises(ReportcliError, match="cannot keep the CSV's rows in a temporary file in .*: "
                                             "No space left on device; make room there"):
        render.write_structured(iter([{"a": 1}, {"a": 2}]), "csv", out)
    assert out.getvalue() == ""  # nothing half-written


@pytest.mark.parametrize("count", [0, 1, render.WRITTEN_TOGETHER, render.WRITTEN_TOGETHER + 1, 3 * render.WRITTEN_TOGETHER + 7])
def test_json_and_json_lines_of_records_across_write_batches(count):
    from reportcli.record import Record

    class Row(Record):
        n: int
        name: str
        nested: tuple = ()

    rows = [Row(n=i, name=f"第{i}", nested=(Row(n=-i, name="内"),) if i % 3 == 0 else ()) for i in range(count)]
    expected = [{"n": i, "name": f"第{i}", "nested": [{"n": -i, "name": "内", "nested": []}] if i % 3 == 0 else []}
                for i in range(count)]
    for fmt in ("json", "jsonl"):
        stream = io.StringIO()
        render.write_structured(iter(rows), fmt, stream)
        text = stream.getvalue()
        written = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert written == expected
        assert count == 0 or "第" in text  # not \u escapes
    assert all(row.n == i and row.name == f"第{i}" for i, row in enumerate(rows))  # written, not changed
    assert render.write_structured(iter([]), "json", stream := io.StringIO()) is None and stream.getvalue() == "[]\n"
