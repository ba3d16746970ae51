"""The seed's figures against the hand-annotated gold fixture (tests/gold/hailar-2021-figures.json).

Prints every miss; fails below recall 0.98 or precision 0.97 on value+unit, or below 0.9 on
indicator, kind or target.
"""
import json
from pathlib import Path

GOLD = json.loads((Path(__file__).parent / "gold" / "hailar-2021-figures.json").read_text(encoding="utf-8"))


def key(row):
    value = row["value"]
    return row["paragraph"], row["raw"], None if value is None else round(float(value), 6), row["unit"]


def test_figures_against_gold(seed_report):
    found = [{"paragraph": f.paragraph, "raw": f.raw, "value": f.value, "unit": f.unit, "approx": f.approx,
              "kind": f.kind, "target": f.target, "indicator": f.indicator} for f in seed_report.figures]
    gold_keys, found_keys = {key(g): g for g in GOLD}, {key(f): f for f in found}
    missed = [k for k in gold_keys if k not in found_keys]
    spurious = [k for k in found_keys if k not in gold_keys]
    matched = [(gold_keys[k], found_keys[k]) for k in gold_keys if k in found_keys]
    report = []
    for field in ("indicator", "kind", "target", "approx"):
        wrong = [(g["paragraph"], g["raw"], g[field], f[field]) for g, f in matched if g[field] != f[field]]
        report.append((field, 1 - len(wrong) / max(1, len(matched)), wrong))
    recall = 1 - len(missed) / len(GOLD)
    precision = 1 - len(spurious) / max(1, len(found))
    print(f"\nvalue+unit: recall {recall:.3f}, precision {precision:.3f}; missed {missed}; spurious {spurious}")
    for field, accuracy, wrong in report:
        print(f"{field}: {accuracy:.3f}; differs (paragraph, raw, gold, found): {wrong}")
    assert recall >= 0.98 and precision >= 0.97
    for field, accuracy, _ in report:
        assert accuracy >= 0.9, field


def test_every_raw_is_found_at_its_offsets(seed_report):
    texts = {p.id: p.text for p in seed_report.paragraphs}
    for figure in seed_report.figures:
        assert texts[figure.paragraph][figure.start:figure.end] == figure.raw
