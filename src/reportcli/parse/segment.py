"""The one segmenter of a build: jieba's words and part-of-speech tags, its dictionary loaded
once per process.

Two implementations of the same algorithm and dictionary: jieba-rs (the `rjieba` package), used
when it is installed, and Python jieba. On our fixtures, the seed and a synthetic corpus (43
documents, 6,883 figures, 2,084 targets) both give identical figures and targets; jieba-rs
loads in ~0.1 s instead of ~1 s and cuts ~9× faster (BENCHMARKS.md). They differ only in how
they split runs of digits and Latin letters (2023-03-04 is one word for jieba-rs, five for
jieba), which the search vocabulary ignores: it keys words by their Chinese characters.
tests/test_segment.py keeps both honest.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, NamedTuple

BACKENDS = ("jieba-rs", "jieba")


class Segmenter(NamedTuple):
    name: str
    words: Callable[[str], list[str]]  # text → its words, in order
    tags: Callable[[str], list[tuple[str, str]]]  # text → (word, part-of-speech flag)


@lru_cache(maxsize=None)
def segmenter(name: str | None = None) -> Segmenter:
    """The segmenter called `name`, or the fastest one installed."""
    if name in (None, "jieba-rs"):
        try:
            import rjieba
        except ImportError:
            if name is not None:
                raise
        else:
            return Segmenter("jieba-rs", rjieba.cut, rjieba.tag)
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba announces its dictionary loading on stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tagger = jieba.posseg.POSTokenizer(tokenizer)  # shares the tokenizer's dictionary
    return Segmenter("jieba", tokenizer.lcut, lambda text: [(pair.word, pair.flag) for pair in tagger.lcut(text)])
