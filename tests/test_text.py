from hypothesis import given, strategies as st

from reportcli.text import chinese_to_int, fold, gram_tokens, number_of


def test_fold_width_script_case():
    assert fold("ＩＰＶ６ 營商環境（一）４.０５％") == "ipv6 营商环境(一)4.05%"
    assert fold("垃圾分類") == "垃圾分类"


def test_fold_keeps_simplified_characters_that_look_traditional():
    # 著 (显著) and 干 are ordinary simplified characters: folding must not change them.
    assert fold("显著提升") == "显著提升"


@given(st.text())
def test_fold_keeps_length_and_is_idempotent(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


def test_chinese_numerals():
    assert chinese_to_int("十五") == 15
    assert chinese_to_int("二十三") == 23
    assert chinese_to_int("一百零五") == 105
    assert chinese_to_int("二〇三五") == 2035
    assert chinese_to_int("abc") is None
    assert number_of("12") == 12


def test_gram_tokens():
    assert gram_tokens("垃圾分类,ipv6") == ["垃圾", "圾分", "分类", "类", "ip", "pv", "v6", "6"]
    assert gram_tokens("是 a") == ["是", "a"]
