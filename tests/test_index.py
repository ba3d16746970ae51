"""Building, opening and guarding the SQLite index."""
import sqlite3

import pytest

from reportcli.config import BUNDLED_INDEX
from reportcli.errors import IndexFileError
from reportcli.index.store import open_index

from conftest import ROOT, SEED, altered_bundled_index, write


def dump(path):
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_bundled_index_is_fresh(cli, tmp_path, monkeypatch):
    """Fails when seeds/ or the parser changed without `reportcli build` being rerun."""
    fresh = tmp_path / "fresh.sqlite"
    code, _, err = cli("build", "-o", str(fresh))
    assert code == 0, err
    assert dump(fresh) == dump(BUNDLED_INDEX), "the bundled index is stale: run `reportcli build`"


def test_build_is_deterministic(cli, tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert cli("build", str(SEED), "-o", str(a))[0] == 0
    assert cli("build", str(SEED), "-o", str(b))[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_user_build_uses_file_stem_and_reports_toml(cli, tmp_path):
    folder = tmp_path / "reports"
    write(folder / "2022.txt", "2022年某某县政府工作报告\n各位代表：\n一、回顾\n全年工作很好。")
    write(folder / "other.md", "一、回顾\n没有标题的报告。", encoding="gb18030")
    write(folder / "page.html", "<html><body><p>一、回顾</p><p>网页里的报告。</p></body></html>")
    write(folder / "reports.toml", '[[report]]\nid = "custom"\nfile = "other.md"\nregion = "某某市"\nyear = 2020\n'
                                   'source = "https://example.gov.cn/r.html"\n')
    index = tmp_path / "my.sqlite"
    code, _, err = cli("build", str(folder), "-o", str(index))
    assert code == 0, err
    assert "indexed 3 reports" in err
    code, out, _ = cli("--index", str(index), "reports", "--json")
    import json
    rows = {row["id"]: row for row in json.loads(out)}
    assert set(rows) == {"2022", "custom", "page"}
    assert (rows["custom"]["region"], rows["custom"]["year"], rows["custom"]["source"]) == ("某某市", 2020, "https://example.gov.cn/r.html")
    assert rows["2022"]["region"] == "某某县" and rows["page"]["region"] is None


def test_missing_index(tmp_path):
    with pytest.raises(IndexFileError, match="index not found"):
        open_index(tmp_path / "nope.sqlite")


def test_corrupt_index(tmp_path):
    bad = write(tmp_path / "bad.sqlite", "this is not a database" * 100)
    with pytest.raises(IndexFileError, match="not a readable SQLite database"):
        open_index(bad)


def test_sqlite_file_that_is_not_an_index(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(IndexFileError, match="not a reportcli index"):
        open_index(other)


def test_index_of_another_schema_version(tmp_path):
    old = altered_bundled_index(tmp_path / "old.sqlite", "UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(IndexFileError, match="schema version 0"):
        open_index(old)


def test_interrupted_build_leaves_the_previous_index_intact(cli, tmp_path, monkeypatch):
    index = tmp_path / "keep.sqlite"
    assert cli("build", str(SEED), "-o", str(index))[0] == 0
    before = index.read_bytes()

    from reportcli.index import build as build_module

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_insert_report", interrupted)
    code, _, err = cli("build", str(SEED), "-o", str(index))
    assert code == 130 and "interrupted" in err
    assert index.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.sqlite"]  # no temp file left behind


def test_failed_build_of_unreadable_file_leaves_the_previous_index_intact(cli, tmp_path):
    index = tmp_path / "keep.sqlite"
    assert cli("build", str(SEED), "-o", str(index))[0] == 0
    before = index.read_bytes()
    empty = write(tmp_path / "empty.txt", "")
    code, out, err = cli("build", str(empty), "-o", str(index))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "empty.txt" in err and "empty" in err
    assert index.read_bytes() == before


def test_build_skips_unreadable_files_with_a_warning(cli, tmp_path):
    folder = tmp_path / "mixed"
    write(folder / "good.txt", "一、回顾\n全年工作很好。")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x03\x04")
    code, _, err = cli("build", str(folder), "-o", str(tmp_path / "out.sqlite"))
    assert code == 0
    assert "warning: skipped" in err and "binary.txt" in err and "indexed 1 report," in err


def test_build_without_output_is_a_usage_error(cli, tmp_path):
    code, _, err = cli("build", str(SEED))
    assert code == 2 and "-o FILE" in err


def test_build_of_missing_path(cli, tmp_path):
    code, _, err = cli("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.sqlite"))
    assert code == 2 and "no such file" in err


def test_shipped_index_is_package_data():
    assert BUNDLED_INDEX.is_file()
    assert BUNDLED_INDEX.parent == ROOT / "src" / "reportcli" / "data"
