"""Datasets as corpora are published: a report a row in JSON Lines, JSON arrays, CSV (from Excel
and from pandas), TSV, GB18030; bad rows warned by FILE:LINE; unchanged rows skipped on add."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from reportcli.index.datasets import BadRow, RowRef, read_date, read_row, read_year, row_fields, scan

NATIONAL_2024 = ("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2023年工作回顾\n"
                 "过去一年，国内生产总值增长5.2%，城镇新增就业1244万人。\n二、2024年经济社会发展总体要求和政策取向\n"
                 "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；"
                 "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。")
ZHEJIANG_2023 = ("各位代表：\n一、2022年工作回顾\n全省生产总值增长3.1%。\n二、2023年工作安排\n"
                 "今年经济社会发展的主要预期目标是：全省生产总值增长5%以上；城镇新增就业100万人。")
JIANGSU_2024 = ("下载 打印 全屏 【字号：加大 还原 减小】\n各位代表：\n一、2023年工作回顾\n"
                "全省地区生产总值增长5.8%。\n二、2024年工作安排\n今年全省经济社会发展的主要预期目标是：地区生产总值增长5%以上。")


def rows() -> list[dict]:
    return [
        {"title": "2024年国务院政府工作报告", "url": "https://example.gov.cn/2024", "content": NATIONAL_2024,
         "year": "2024"},
        {"title": "2023年浙江省政府工作报告", "url": "https://example.gov.cn/zj", "content": ZHEJIANG_2023, "year": 2023},
        {"title": "江苏省政府工作报告", "content": JIANGSU_2024, "year": "2024年"},
    ]


def write_jsonl(path: Path, records: list, *extra_lines: str) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        for line in extra_lines:
            handle.write(line + "\n")
    return path


def build(cli, *args: str) -> tuple[int, str]:
    code, _, err = cli("build", *args)
    return code, err


def reports(cli, index: Path) -> list[dict]:
    code, out, _ = cli("--index", str(index), "reports", "--json")
    assert code == 0
    return json.loads(out)


# ------------------------------------------------------------------ shapes

def test_jsonl_is_a_report_a_row_with_its_metadata(cli, tmp_path):
    data = write_jsonl(tmp_path / "national.jsonl", rows())
    index = tmp_path / "i.sqlite"
    code, err = build(cli, str(data), "-o", str(index))
    assert code == 0 and "indexed 3 reports" in err and "skipped" not in err
    listed = reports(cli, index)
    assert [(r["id"], r["year"], r["region"], r["level"], r["file"], r["line"], r["format"]) for r in listed] == [
        ("national-1", 2024, "全国", "national", str(data), 1, "jsonl"),
        ("national-2", 2023, "浙江省", "province", str(data), 2, "jsonl"),
        ("national-3", 2024, "江苏省", "province", str(data), 3, "jsonl"),
    ]
    assert listed[0]["source"] == "https://example.gov.cn/2024" and listed[2]["source"] is None
    # the row's year informs extraction: this year's headline targets, outcomes for last year
    code, out, _ = cli("--index", str(index), "goals", "--main", "--code", "gdp_growth", "--json")
    goals = json.loads(out)
    assert [(g["report"], g["raw"], g["horizon"]) for g in goals] == [
        ("national-1", "5%左右", "2024"), ("national-2", "5%以上", "2023"), ("national-3", "5%以上", "2024")]


def test_scraped_page_chrome_is_repaired_away(cli, tmp_path):
    data = write_jsonl(tmp_path / "c.jsonl", rows()[2:])
    index = tmp_path / "i.sqlite"
    assert build(cli, str(data), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "search", "字号", "--json")
    assert code == 1 and json.loads(out) == []


def test_a_json_array_of_objects(cli, tmp_path):
    data = tmp_path / "corpus.json"
    data.write_text(json.dumps(rows(), ensure_ascii=False, indent=2), encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert build(cli, str(data), "-o", str(index))[0] == 0
    listed = reports(cli, index)
    assert [(r["id"], r["year"], r["line"]) for r in listed] == [("corpus-1", 2024, 2), ("corpus-2", 2023, 8),
                                                                ("corpus-3", 2024, 14)]


def test_a_json_file_that_is_not_an_array_is_a_clear_error(cli, tmp_path):
    data = tmp_path / "one.json"
    data.write_text(json.dumps(rows()[0], ensure_ascii=False), encoding="utf-8")
    code, err = build(cli, str(data), "-o", str(tmp_path / "i.sqlite"))
    assert code == 2 and "not a dataset" in err and "array" in err and len(err.strip().splitlines()) == 1


def excel_csv(path: Path, records: list[list[str]], encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    """As Excel saves "CSV UTF-8": a BOM, CRLF line ends, cells with line breaks quoted."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(["province", "year", "title", "source_url", "publish_date", "full_text"])
        writer.writerows(records)
    return path


def province_rows() -> list[list[str]]:
    return [["浙江省", "2023", "2023年浙江省政府工作报告", "https://zj.example/2023", "2023/1/16",
             ZHEJIANG_2023.replace("\n", "\r\n")],
            ["江苏", "2024", "", "", "2024年1月23日", JIANGSU_2024]]


def test_csv_from_excel_bom_crlf_and_quoted_multiline_cells(cli, tmp_path):
    data = excel_csv(tmp_path / "provinces.csv", province_rows())
    index = tmp_path / "i.sqlite"
    assert build(cli, str(data), "-o", str(index))[0] == 0
    listed = reports(cli, index)
    assert [(r["id"], r["region"], r["level"], r["year"], r["published"], r["line"]) for r in listed] == [
        ("provinces-1", "浙江省", "province", 2023, "2023-01-16", 2),
        ("provinces-2", "江苏省", "province", 2024, "2024-01-23", 7),  # row 1's text runs over lines 2–6
    ]
    assert listed[0]["paragraphs"] == 3  # the cell's CRLF lines are paragraphs, not one run
    code, out, _ = cli("inspect", str(data), "--json")
    inspected = json.loads(out)
    assert code == 0 and inspected[0]["file"] == f"{data}:2"
    assert inspected[0]["metadata"]["year"] == {"value": 2023, "source": "dataset: column year"}
    assert inspected[0]["metadata"]["region"]["source"] == "dataset: column province"


def test_csv_from_pandas_index_column_and_float_years(cli, tmp_path):
    """pandas' to_csv: an unnamed index column, LF ends, a year column of floats when one is missing."""
    data = tmp_path / "pandas.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["", "id", "title", "year", "text"])
        writer.writerow(["0", "cn-2024", "2024年国务院政府工作报告", "2024.0", NATIONAL_2024])
        writer.writerow(["1", "zj-2023", "2023年浙江省政府工作报告", "", ZHEJIANG_2023])
    index = tmp_path / "i.sqlite"
    assert build(cli, str(data), "-o", str(index))[0] == 0
    assert [(r["id"], r["year"], r["region"]) for r in reports(cli, index)] == [
        ("cn-2024", 2024, "全国"), ("zj-2023", 2023, "浙江省")]  # zj's year from its title


def test_tsv_and_gb18030(cli, tmp_path):
    tsv = excel_csv(tmp_path / "t.tsv", province_rows(), encoding="utf-8", delimiter="\t")
    gbk = excel_csv(tmp_path / "g.csv", province_rows(), encoding="gb18030")
    assert "浙江".encode("gb18030") in gbk.read_bytes()
    index = tmp_path / "i.sqlite"
    assert build(cli, str(tsv), str(gbk), "-o", str(index))[0] == 0
    listed = reports(cli, index)
    assert [(r["id"], r["year"], r["format"]) for r in listed] == [
        ("t-1", 2023, "tsv"), ("t-2", 2024, "tsv"), ("g-1", 2023, "csv"), ("g-2", 2024, "csv")]
    assert listed[0]["sha256"] == listed[2]["sha256"]  # the same text, whatever the file's encoding


def test_a_cell_longer_than_the_csv_modules_limit(tmp_path):
    long_text = ZHEJIANG_2023 + "\n" + ("全省坚持稳中求进工作总基调，推动经济持续回升向好。" * 8000)
    assert len(long_text) > 200_000
    data = excel_csv(tmp_path / "long.csv", [["浙江省", "2023", "", "", "", long_text]])
    [ref] = list(scan(data))
    assert isinstance(ref, RowRef)
    assert read_row(data, ref)["full_text"] == long_text


# ------------------------------------------------------------------ bad rows

def test_bad_rows_are_warnings_naming_file_and_line(cli, tmp_path):
    good = rows()
    data = write_jsonl(tmp_path / "d.jsonl", [good[0], {"title": "空", "content": "  "}, good[1]],
                       '{"title": "cut off", "content": "各位代表', "[1, 2]",
                       json.dumps({"content": ZHEJIANG_2023, "year": "明年"}, ensure_ascii=False), "",
                       json.dumps(good[2], ensure_ascii=False))
    index = tmp_path / "i.sqlite"
    code, err = build(cli, str(data), "-o", str(index))
    assert code == 0
    assert f"{data}:2: no report text" in err
    assert f"{data}:4: not valid JSON" in err
    assert f"{data}:5: an array, not an object" in err
    assert f"{data}:6: `year` is not a year: '明年'" in err
    assert "indexed 3 reports" in err and "(4 rows skipped)" in err
    # ids stay the rows' numbers, bad rows counted, blank lines not: the same on every rebuild
    assert [r["id"] for r in reports(cli, index)] == ["d-1", "d-3", "d-7"]


def test_strict_makes_a_bad_row_an_error_that_writes_nothing(cli, tmp_path):
    data = write_jsonl(tmp_path / "d.jsonl", rows(), "{not json")
    index = tmp_path / "i.sqlite"
    code, err = build(cli, str(data), "-o", str(index), "--strict")
    assert code == 2 and f"{data}:4: not valid JSON" in err and "nothing was written" in err
    assert not index.exists()


def test_a_dataset_of_only_bad_rows_indexes_nothing(cli, tmp_path):
    data = write_jsonl(tmp_path / "d.jsonl", [], "{", "{")
    code, err = build(cli, str(data), "-o", str(tmp_path / "i.sqlite"))
    assert code == 2 and "no row could be indexed (2 skipped)" in err


def test_text_field_names_the_column(cli, tmp_path):
    data = write_jsonl(tmp_path / "d.jsonl", [{"title": "2024年国务院政府工作报告", "报告全文": NATIONAL_2024,
                                               "text": "摘要"}])
    index = tmp_path / "i.sqlite"
    assert build(cli, str(data), "-o", str(index), "--text-field", "报告全文")[0] == 0
    assert reports(cli, index)[0]["paragraphs"] == 4  # the full text's, not the summary's one
    csv_data = excel_csv(tmp_path / "p.csv", province_rows())
    code, err = build(cli, str(csv_data), "-o", str(tmp_path / "j.sqlite"), "--text-field", "正文")
    assert code == 2 and "no column '正文' for --text-field" in err


def test_ids_from_an_id_column_and_repeated_ids(cli, tmp_path):
    first, second, third = rows()
    data = write_jsonl(tmp_path / "d.jsonl", [{**first, "id": "cn-2024"}, {**second, "id": 7}, {**third, "id": "cn-2024"}])
    index = tmp_path / "i.sqlite"
    code, err = build(cli, str(data), "-o", str(index))
    assert code == 0 and f"{data}:3: the id 'cn-2024' is given twice (first on line 1)" in err
    assert [r["id"] for r in reports(cli, index)] == ["cn-2024", "7"]


def test_two_datasets_with_one_stem_are_refused_rather_than_merged(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_jsonl(tmp_path / "a" / "reports.jsonl", rows()[:1])
    write_jsonl(tmp_path / "b" / "reports.jsonl", rows()[1:2])
    code, err = build(cli, str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(tmp_path / "i.sqlite"))
    assert code == 2 and "give the same report ids" in err and "rename" in err


# ------------------------------------------------------------------ unchanged rows skipped

def test_add_skips_unchanged_rows_and_replaces_changed_ones(cli, tmp_path, monkeypatch):
    data = write_jsonl(tmp_path / "d.jsonl", rows())
    index = tmp_path / "i.sqlite"
    assert build(cli, str(data), "-o", str(index))[0] == 0
    parsed = []
    from reportcli.index import sources

    real_load = sources.load
    monkeypatch.setattr(sources, "load", lambda source: parsed.append(source.id) or real_load(source))

    code, _, err = cli("--index", str(index), "add", str(data))
    assert code == 0 and "0 added, 0 replaced, 3 unchanged" in err and parsed == []

    changed = rows()
    changed[1]["content"] = ZHEJIANG_2023.replace("3.1%", "3.2%")
    changed[2]["year"] = "2024"  # "2024年" → "2024": the same metadata, unchanged
    changed.append({"title": "2025年国务院政府工作报告", "content": NATIONAL_2024.replace("2024", "2025")})
    write_jsonl(data, changed)
    code, _, err = cli("--index", str(index), "add", str(data))
    assert code == 0 and "1 added, 1 replaced, 2 unchanged" in err
    assert parsed == ["d-2", "d-4"]
    code, out, _ = cli("--index", str(index), "metrics", "全省生产总值", "--report", "d-2", "--json")
    assert json.loads(out)[0]["raw"] == "3.2%"

    parsed.clear()
    changed[0]["url"] = "https://example.gov.cn/moved"  # metadata alone changed: replaced
    write_jsonl(data, changed)
    code, err = build(cli, str(data), "--update", "-o", str(index))
    assert code == 0 and "0 added, 1 replaced, 3 unchanged" in err and parsed == ["d-1"]
    assert {r["id"]: r["source"] for r in reports(cli, index)}["d-1"] == "https://example.gov.cn/moved"


def test_add_of_an_unchanged_report_file_is_skipped_too(cli, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "zj-2023.txt").write_text(ZHEJIANG_2023, encoding="utf-8")
    index = tmp_path / "i.sqlite"
    assert build(cli, str(folder), "-o", str(index))[0] == 0
    code, _, err = cli("--index", str(index), "add", str(folder))
    assert code == 0 and "0 added, 0 replaced, 1 unchanged" in err


def test_cite_names_the_dataset_file_and_line(cli, tmp_path):
    data = write_jsonl(tmp_path / "d.jsonl", rows()[2:])
    index = tmp_path / "i.sqlite"
    assert build(cli, str(data), "-o", str(index))[0] == 0
    code, out, _ = cli("--index", str(index), "cite", "2", "--json")
    [citation] = json.loads(out)
    assert (citation["file"], citation["line"]) == (str(data), 1)
    assert f"来源：{data}第1行" in citation["citation"]


# ------------------------------------------------------------------ pure pieces

@pytest.mark.parametrize("value, year", [("2025", 2025), (2025, 2025), ("2025年", 2025), (2025.0, 2025),
                                         (" 2025 ", 2025), ("2025.0", 2025), ("二〇二五", None), ("25", None),
                                         (True, None), ("2025-03", None)])
def test_years_as_datasets_write_them(value, year):
    assert read_year(value) == year


@pytest.mark.parametrize("value, date", [("2025-03-05", "2025-03-05"), ("2025/3/5", "2025-03-05"),
                                         ("2025年3月5日", "2025-03-05"), ("2025.03.05", "2025-03-05"),
                                         ("2025-03-05 10:30:00", "2025-03-05"), ("2025-03-05T10:30", "2025-03-05"),
                                         ("March 5", None), ("2025-13-01", None)])
def test_dates_as_datasets_write_them(value, date):
    assert read_date(value) == date


def test_columns_by_their_many_names():
    fields = row_fields({"Title": "x", " URL ": "u", "省份": "浙江", "城市": "杭州市", "正文": "t", "级别": "市",
                         "发布日期": "2025/1/2"})
    assert fields.metadata == {"title": "x", "source": "u", "region": "杭州市", "level": "city",
                               "published": "2025-01-02"}
    assert row_fields({"content": "", "body": "b"}).text == "b"  # the first column with text
    assert row_fields({"text": "t", "date": "soon"}).problems == ("`date` is not a date ('soon'); ignored",)


def test_scan_sees_every_row_in_order(tmp_path):
    data = write_jsonl(tmp_path / "s.jsonl", rows(), "{")
    found = list(scan(data))
    assert [type(row) for row in found] == [RowRef, RowRef, RowRef, BadRow]
    assert [row_fields(read_row(data, ref)).text for ref in found[:3]] == [r["content"] for r in rows()]
