"""Paragraph text packed in blocks (index.packing): every paragraph comes back exactly, whatever
its script, size or place in a block, from a fresh build, an `add` and a replaced report."""
from __future__ import annotations

import random
import sqlite3

import pytest

from conftest import ROOT, SEED, write
from reportcli.index.packing import BLOCK_BYTES, Packer, Unpacker, default_dictionary

SAMPLES = [
    "", "一", "各位代表：", "地区生产总值增长6.5%左右。", "GDP grew 5.2% in 2023 — «quoted» ½",
    "經濟增長與居民收入同步。", "𠀀𠀁 emoji 🚀 and combining é", "\u3000全角空格\u3000", "x" * (BLOCK_BYTES * 3 + 7),
    "稳" * (BLOCK_BYTES // 3), "\n", "\u202e",
]


def _round_trip(texts: list[str], dictionary: bytes) -> list[str]:
    blocks, places = Packer(dictionary).pack_paragraphs(texts)
    unpacker = Unpacker(dictionary)
    return [unpacker.text(block, at, length, blocks[block]) for block, at, length in places]


@pytest.mark.parametrize("seed", range(6))
def test_any_mix_of_paragraphs_comes_back_exactly(seed):
    rng = random.Random(seed)
    pool = SAMPLES + SEED.read_text(encoding="utf-8").split("\n")
    texts = [rng.choice(pool) for _ in range(rng.randint(1, 300))]
    assert _round_trip(texts, default_dictionary()) == texts


@pytest.mark.parametrize("seed", range(4))
def test_paragraphs_read_in_any_order_come_back_exactly(seed):
    """A block is inflated only as far as asked: a later paragraph of it read first, an earlier
    one after, blocks dropped from the few kept and read again, astral characters at a cut."""
    rng = random.Random(seed)
    pool = SAMPLES + ["𠀀" * rng.randint(1, 400), "🚀稳" * rng.randint(1, 300)] + SEED.read_text(encoding="utf-8").split("\n")
    texts = [rng.choice(pool) for _ in range(rng.randint(50, 400))]
    blocks, places = Packer(default_dictionary()).pack_paragraphs(texts)
    unpacker = Unpacker(default_dictionary())
    order = list(range(len(texts)))
    rng.shuffle(order)
    for index in order + order[::-1]:
        block, at, length = places[index]
        assert unpacker.text(block, at, length, blocks[block]) == texts[index]


def test_a_block_of_astral_characters_is_read_past_the_first_round():
    """Four bytes a character (CJK Extension B, emoji): more than one round of inflation."""
    texts = ["𠀀𠀁𠀂" * 100, "🚀" * 200, "稳"]
    blocks, places = Packer(default_dictionary()).pack_paragraphs(texts)
    assert len(blocks) == 1
    for index in (1, 0, 2):
        assert Unpacker(default_dictionary()).text(0, *places[index][1:], blocks[0]) == texts[index]


def test_blocks_close_at_their_size_and_never_split_a_paragraph():
    texts = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line]
    blocks, places = Packer(default_dictionary()).pack_paragraphs(texts)
    assert [block for block, _, _ in places] == sorted(block for block, _, _ in places)  # in text order
    by_block: dict[int, list[str]] = {}
    for text, (block, at, length) in zip(texts, places):
        assert length == len(text)
        by_block.setdefault(block, []).append(text)
    sizes = [len("".join(members).encode("utf-8")) for members in by_block.values()]
    # every block but the last reached the size, and would not have without its last paragraph
    assert all(size >= BLOCK_BYTES for size in sizes[:-1])
    assert all(size - len(members[-1].encode("utf-8")) < BLOCK_BYTES
               for size, members in zip(sizes, by_block.values()))
    assert len(blocks) == len(by_block) > 1


def test_an_empty_report_packs_to_nothing():
    assert Packer(default_dictionary()).pack_paragraphs([]) == ([], [])


def test_an_index_written_with_another_dictionary_is_read_and_added_to_with_its_own(tmp_path, cli, monkeypatch):
    """A later reportcli may ship another dictionary: the index keeps the one it was written
    with, reads with it, and `add` packs new reports with it (not with the default)."""
    from reportcli.index import packing

    folder = tmp_path / "reports"
    seed = SEED.read_text(encoding="utf-8")
    write(folder / "a.txt", seed)
    index = tmp_path / "index.sqlite"
    other = "，".join(["完全不同的字典内容", "地区生产总值增长", "城乡居民人均可支配收入"]).encode("utf-8") * 40
    monkeypatch.setattr(packing, "default_dictionary", lambda: other)
    packing.default_packer.cache_clear()
    try:
        assert cli("build", str(folder), "-o", str(index))[0] == 0
    finally:
        monkeypatch.undo()
        packing.default_packer.cache_clear()
    assert sqlite3.connect(index).execute("SELECT data FROM dictionary").fetchone()[0] == other
    write(folder / "b.txt", "\n".join(seed.split("\n")[:60]))
    assert cli("--index", str(index), "add", str(folder / "b.txt"))[0] == 0
    assert _stored_texts(index) == _parsed_texts(folder)


def _stored_texts(index) -> dict[tuple[str, int], str]:
    from reportcli.index.store import Store, open_index

    store = Store(open_index(index))
    return {(report.id, pid): text for report in store.reports()
            for pid, _, text in store.paragraph_range(report, 1, report.paragraphs)}


def _parsed_texts(folder) -> dict[tuple[str, int], str]:
    from reportcli.parse import parse_report

    return {(path.stem, p.id): p.text for path in sorted(folder.glob("*.txt"))
            for p in parse_report(path.read_text(encoding="utf-8")).paragraphs}


def test_every_paragraph_of_an_index_is_its_text_after_build_add_and_replace(tmp_path, cli):
    folder = tmp_path / "reports"
    seed = SEED.read_text(encoding="utf-8")
    write(folder / "a.txt", seed)
    write(folder / "b.txt", seed.translate(str.maketrans("发展经济", "發展經濟")))
    write(folder / "c.txt", "\n".join(seed.split("\n")[:40]))
    index = tmp_path / "index.sqlite"
    assert cli("build", str(folder), "-o", str(index))[0] == 0
    assert _stored_texts(index) == _parsed_texts(folder)

    write(folder / "d.txt", (ROOT / "tests" / "fixtures" / "qingshan" / "2022.txt").read_text(encoding="utf-8"))
    write(folder / "a.txt", seed.replace("各位代表", "各位代表、同志们", 1) + "\n新增的最后一段。\n")
    assert cli("--index", str(index), "add", str(folder / "a.txt"), str(folder / "d.txt"))[0] == 0
    assert _stored_texts(index) == _parsed_texts(folder)
    connection = sqlite3.connect(index)
    used = connection.execute("SELECT count(DISTINCT block) FROM paragraphs").fetchone()[0]
    assert connection.execute("SELECT count(*) FROM blocks").fetchone()[0] == used  # the replaced report's are gone
