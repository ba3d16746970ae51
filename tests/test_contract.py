"""The JSON contract (../shared/PRODUCT.md): field names per command, pinned."""
import json

import pytest

POINTER = {"report", "paragraph", "section"}
CONTRACT = {
    ("search", "就业"): POINTER | {"score", "text", "matches", "match"},
    ("reports",): {"id", "title", "region", "level", "year", "date", "published", "source", "sha256", "file",
                   "paragraphs", "figures", "goals", "terms", "inferred"},
    ("outline",): POINTER | {"number", "level", "label", "kind"},
    ("show", "5"): POINTER | {"text"},
    ("define", "六保"): POINTER | {"term", "heading", "definition", "aliases", "mentions", "source"},
    ("define",): POINTER | {"term", "heading", "definition", "aliases", "mentions", "source"},
    ("goals",): POINTER | {"indicator", "raw", "value", "unit", "comparator", "direction", "main", "strength", "low",
                           "high", "horizon", "text", "code", "name_en"},
    ("goals", "--check"): POINTER | {"status", "outcome", "code", "name_en"},
    ("metrics",): POINTER | {"raw", "value", "unit", "approx", "indicator", "kind", "target", "context", "start",
                             "end", "code", "name_en"},
    ("trend", "地区生产总值"): {"report", "paragraph", "year", "region", "indicator", "raw", "value", "unit", "code",
                               "name_en", "period"},
    ("count", "就业"): {"report", "term", "count"},
    ("count", "就业", "--by", "section"): {"report", "term", "count", "section"},
    ("cite", "7"): POINTER | {"text", "title", "source", "citation"},
    ("info",): {"index", "reason", "schema_version", "size", "reports"},
}


@pytest.mark.parametrize("command", list(CONTRACT), ids=lambda c: c[0])
def test_json_fields(cli, command):
    code, out, err = cli(*command, "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert isinstance(rows, list) and rows
    for row in rows:
        assert CONTRACT[command] <= set(row), CONTRACT[command] - set(row)


def test_json_is_utf8_not_ascii_escaped(cli):
    _, out, _ = cli("search", "就业", "--json")
    assert "就业" in out and "\\u" not in out


def test_search_hit_types(cli):
    _, out, _ = cli("search", "就业", "--json")
    for hit in json.loads(out):
        assert isinstance(hit["paragraph"], int) and isinstance(hit["score"], (int, float))
        assert all(isinstance(span, list) and len(span) == 2 for span in hit["matches"])


def test_metrics_raw_is_at_its_offsets(cli):
    _, out, _ = cli("metrics", "--json")
    texts = {}
    for row in json.loads(out):
        if row["paragraph"] not in texts:
            _, shown, _ = cli("show", str(row["paragraph"]), "--context", "0", "--json")
            texts[row["paragraph"]] = json.loads(shown)[0]["text"]
        assert texts[row["paragraph"]][row["start"]:row["end"]] == row["raw"]
