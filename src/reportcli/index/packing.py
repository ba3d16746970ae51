"""Paragraph text as the index stores it: each paragraph deflated on its own against a preset
dictionary, so that any paragraph is read back in microseconds without its neighbours.

A paragraph is too short for deflate to find much repetition inside it; a dictionary of the
phrases reports share (the shipped lexicon and indicator names) gives it some. Every index keeps
the dictionary it was written with (meta key `dictionary`), so an index stays readable whatever
dictionary a later reportcli would choose; `add` packs with the index's own.
"""
from __future__ import annotations

import zlib
from functools import lru_cache

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


class Unpacker:
    def __init__(self, dictionary: bytes) -> None:
        self.dictionary = dictionary

    def unpack(self, packed: bytes) -> str:
        decompressor = zlib.decompressobj(_WINDOW_BITS, self.dictionary)
        return (decompressor.decompress(packed) + decompressor.flush()).decode("utf-8")


@lru_cache(maxsize=1)
def default_packer() -> Packer:
    return Packer(default_dictionary())
