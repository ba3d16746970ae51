"""Paragraph text as the index stores it: a report's paragraphs in blocks of about 4 KB, each
block deflated on its own against a preset dictionary, so that any paragraph is read back by
inflating one block (~15 µs) without the rest of its report.

A paragraph alone is too short for deflate to find much repetition (measured on the seed, a real
report: 0.59 of its bytes packed one paragraph at a time, 0.48 in 4 KB blocks, 0.40 as one
block); a dictionary of the phrases reports share (the shipped lexicon and indicator names) helps
the first paragraphs of a block. Every index keeps the dictionary it was written with (table
`dictionary`), so an index stays readable whatever dictionary a later reportcli would choose;
`add` packs with the index's own.
"""
from __future__ import annotations

import zlib
from functools import lru_cache

BLOCK_BYTES = 4096  # a block closes once it holds this much UTF-8 text (paragraphs are never split)
DICTIONARY_BYTES = 32 * 1024  # deflate's window: a longer dictionary is not seen
LEVEL = 6
_WINDOW_BITS = -15  # raw deflate: no header and checksum (6 bytes a paragraph), SQLite checks pages
_MEMORY_LEVEL = 8


@lru_cache(maxsize=1)
def default_dictionary() -> bytes:
    """The dictionary a new index is written with: the Chinese phrases of the shipped lexicon and
    indicator table (their definitions and names are the vocabulary of government reports),
    joined by the mark that ends most clauses, the most frequent last (deflate finds recent bytes
    with the shortest distances)."""
    import re

    from reportcli.resources import INDICATORS, LEXICON, read_data_lines

    cjk_run = re.compile(r"[\u4e00-\u9fff]{2,}")
    words = []
    for path in (LEXICON, INDICATORS):
        words += cjk_run.findall("\n".join(read_data_lines(path)))
    return "，".join(words).encode("utf-8")[-DICTIONARY_BYTES:]


def dictionary_id(dictionary: bytes) -> str:
    import hashlib  # only writers name dictionaries; a query only unpacks (hashlib costs 5 ms to import)

    return hashlib.sha256(dictionary).hexdigest()[:16]


class Packer:
    """Text → packed bytes with one dictionary (its primed compressor copied for each text)."""

    def __init__(self, dictionary: bytes) -> None:
        self.dictionary = dictionary
        self.id = dictionary_id(dictionary)
        self._primed = zlib.compressobj(LEVEL, zlib.DEFLATED, _WINDOW_BITS, _MEMORY_LEVEL, zlib.Z_DEFAULT_STRATEGY,
                                        dictionary)

    def pack(self, text: str) -> bytes:
        compressor = self._primed.copy()
        return compressor.compress(text.encode("utf-8")) + compressor.flush()

    def pack_paragraphs(self, texts: list[str]) -> tuple[list[bytes], list[tuple[int, int, int]]]:
        """A report's paragraph texts → (packed blocks, and for each paragraph its (block number,
        character offset, length) in the block's text)."""
        blocks: list[bytes] = []
        places: list[tuple[int, int, int]] = []
        pending: list[str] = []
        size = at = 0
        for text in texts:
            places.append((len(blocks), at, len(text)))
            pending.append(text)
            at += len(text)
            size += len(text.encode("utf-8"))
            if size >= BLOCK_BYTES:
                blocks.append(self.pack("".join(pending)))
                pending, size, at = [], 0, 0
        if pending:
            blocks.append(self.pack("".join(pending)))
        return blocks, places


class _Inflating:
    """One block's text, inflated only as far as a reader has asked: a search reads one
    paragraph of each of ~1,500 blocks, on average halfway into the block, so stopping there
    saves about half of its inflation. Asked again for more, it inflates the rest at once."""

    __slots__ = ("_decompressor", "_pending", "_head", "text", "complete")

    def __init__(self, packed: bytes, dictionary: bytes) -> None:
        self._decompressor = zlib.decompressobj(_WINDOW_BITS, dictionary)
        self._pending = packed
        self._head = b""
        self.text = ""
        self.complete = False

    def upto(self, characters: int) -> str:
        """The text, at least its first `characters` (all of it when it is shorter)."""
        if len(self.text) >= characters or self.complete:
            return self.text
        decompressor = self._decompressor
        if not self._head:
            # every character of the BMP is at most 3 bytes: enough, unless there are astral ones
            self._head = decompressor.decompress(self._pending, max(3 * characters, 1024))
            self._pending = decompressor.unconsumed_tail
            # the byte limit may cut the last character: it is dropped here (the text was valid
            # UTF-8 when packed, so nothing else can be) and read whole with the rest
            self.text = self._head.decode("utf-8", "ignore")
            if len(self.text) >= characters:
                return self.text
        self.text = (self._head + decompressor.decompress(self._pending) + decompressor.flush()).decode("utf-8")
        self._head, self._pending, self.complete = b"", b"", True
        return self.text


class Unpacker:
    """Packed blocks → text, keeping the last blocks it inflated (neighbouring paragraphs share one)."""

    KEPT_BLOCKS = 16

    def __init__(self, dictionary: bytes) -> None:
        self.dictionary = dictionary
        self._kept: dict[int, _Inflating] = {}

    def text(self, block: int, at: int, length: int, packed: bytes | None, fetch=None) -> str:
        """The text at `at` for `length` characters of block `block`: from a kept block, else from
        `packed` (or `fetch(block)` when packed is None), inflated only up to its end."""
        inflating = self._kept.get(block)
        if inflating is None:
            inflating = _Inflating(packed if packed is not None else fetch(block), self.dictionary)
            if len(self._kept) >= self.KEPT_BLOCKS:
                del self._kept[next(iter(self._kept))]
            self._kept[block] = inflating
        return inflating.upto(at + length)[at:at + length]

    def paragraphs(self, rows):
        """(key, block, at, length, packed block) rows → (key, paragraph text)."""
        for key, block, at, length, packed in rows:
            yield key, self.text(block, at, length, packed)


@lru_cache(maxsize=1)
def default_packer() -> Packer:
    return Packer(default_dictionary())
