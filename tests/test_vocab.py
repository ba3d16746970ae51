"""The search vocabulary's document frequencies (index.vocab): paragraphs a word is in."""
from reportcli.index.vocab import document_frequencies
from reportcli.parse.segment import segmenter
from reportcli.text import fold

PARAGRAPHS = [fold(text) for text in (
    "推进垃圾分类，垃圾分类要久久为功。",  # a word twice in one paragraph is one paragraph
    "全面推进垃圾分类 —— 2023年新建5G基站2.3万个！",
    "（一）稳就业、保民生；“六稳”“六保”。",
    "……",
)]


def test_a_word_counts_the_paragraphs_it_is_in_and_nothing_else_is_a_word():
    counts = document_frequencies(PARAGRAPHS)
    words = segmenter().words
    expected = {}
    for text in PARAGRAPHS:
        for word in set(words(text)):
            if any(ch.isalnum() for ch in word):
                expected[word] = expected.get(word, 0) + 1
    assert dict(counts) == expected
    assert counts["推进"] == 2 and counts["六稳"] == 1
    assert not any(word.strip("，。！；、（）“”…—- ") == "" for word in counts)  # no punctuation, no spaces
    assert document_frequencies([]) == {} and document_frequencies(["。"]) == {}
