"""Normalisation and tokenisation of Chinese text."""

from __future__ import annotations

import pytest

from copilot.textnorm import (
    asked_script,
    char_ngrams,
    cjk_ratio,
    fold,
    split_sentences,
    to_local_traditional,
    to_script,
    to_simplified,
    to_traditional,
    tokenize,
    width_fold,
)


def test_traditional_and_simplified_fold_to_the_same_form() -> None:
    assert fold("社群運營與群規") == fold("社群运营与群规") == "社群运营与群规"


def test_full_width_letters_digits_and_zero_width_are_folded() -> None:
    assert width_fold("ＱＱ群１２３４５") == "QQ群12345"
    assert fold("加\u200b微\u200c信ＶＸ") == "加微信vx"


def test_script_conversion_round_trip() -> None:
    assert to_traditional("群规与违规处理") == "群規與違規處理"
    # 后 outside the words OpenCC knows is still 後 (入群后, 分享后), but 皇后 keeps its 后
    assert to_traditional("入群后全体禁言，分享后发文字版") == "入群後全體禁言，分享後發文字版"
    assert to_traditional("她是去年的影后") == "她是去年的影后"
    assert to_simplified("群規與違規處理") == "群规与违规处理"
    assert to_script("欢迎新朋友", "zh-Hant") == "歡迎新朋友"
    assert to_script("歡迎新朋友", "zh-Hans") == "欢迎新朋友"


def test_verb_fa_after_a_word_ending_in_jie_is_not_hair() -> None:
    # OpenCC alone matches 结发 across the word boundary (总结|发回) and writes 頭髮's 髮
    assert to_traditional("读书会结束后，请记录员把总结发回群里") == "讀書會結束後，請記錄員把總結發回群裡"
    assert to_traditional("每周小结发到群公告，冻结发放的积分下月补") == "每週小結發到群公告，凍結發放的積分下月補"
    assert to_traditional("理发店老板和他的结发妻子") == "理髮店老闆和他的結髮妻子"  # real hair and marriage stay 髮
    # the drafts' regional conversion uses the same fixes (one table)
    assert to_local_traditional("周会总结发群里", "hk") == "週會總結發羣裏"
    assert "總結發" in to_local_traditional("把总结发给新成员", "tw")


def test_jia_before_shenme_is_not_the_utensils_word() -> None:
    # OpenCC alone reads 家什 (utensils) across the boundary of 大家|什么 and writes 傢; 大家伙 is everyone
    assert to_traditional("用三句话介绍自己：能帮大家什么、需要什么帮助") == "用三句話介紹自己：能幫大家什麼、需要什麼幫助"
    assert to_local_traditional("国家什么时候放假不归我们群管", "hk") == "國家什麼時候放假不歸我們羣管"
    assert to_local_traditional("周六大家伙一起去爬山", "tw") == "週六大家夥一起去爬山"


def test_tokenize_segments_chinese_and_drops_stopwords() -> None:
    words = tokenize("我们的社群运营应该怎么做群规？")
    assert "群规" in words
    assert "社群" in words and "运营" in words
    assert "我们" not in words and "的" not in words
    assert all(w.strip() for w in words)
    assert "？" not in words


def test_tokenize_never_splits_on_whitespace_only() -> None:
    # A whitespace splitter would return the whole sentence as one token.
    words = tokenize("每天早上发晨报晚上做分享")
    assert {"晨报", "分享"} <= set(words)


def test_tokenize_folds_traditional_queries() -> None:
    assert tokenize("群規怎麼寫") == tokenize("群规怎么写")


def test_char_ngrams_and_sentences() -> None:
    assert char_ngrams("加 微信", 2, 2) == ["加微", "微信"]
    assert split_sentences("第一句。第二句！第三句？\n第四句") == ["第一句。", "第二句！", "第三句？", "第四句"]
    assert cjk_ratio("abc") == 0.0 and cjk_ratio("社群abc") == 0.4 and cjk_ratio("") == 0.0


@pytest.mark.parametrize(("text", "script"), [
    ("潛水的要不要清理", "zh-Hant"),
    ("群規怎麼寫才有人看", "zh-Hant"),
    ("群主一个人忙不过来，怎么找管理員幫忙？", "zh-Hans"),
    ("我们群里有个台湾朋友叫陳志明，他说话总被误会怎么办", "zh-Hans"),
    ("禁言", "zh-Hans"),  # the same in both scripts: Simplified by default
    ("", "zh-Hans"),
])
def test_asked_script_follows_the_characters_that_differ(text: str, script: str) -> None:
    assert asked_script(text) == script


def test_locative_li_left_simplified_by_opencc_becomes_traditional_but_distances_and_villages_keep_it():
    assert to_traditional("发言前请先读记事本里的群规") == "發言前請先讀記事本裡的群規"
    assert to_traditional("相册里有上次活动的照片") == "相冊裡有上次活動的照片"
    assert to_traditional("周六骑40公里，里长也来") == "週六騎40公里，里長也來"
    assert to_traditional("邻里之间互相照应") == "鄰里之間互相照應"


def test_char_pairs_skip_punctuation_spaces_and_invisible_marks() -> None:
    from copilot.textnorm import char_pairs

    assert char_pairs("周六 下午！") == frozenset({"周六", "六下", "下午"})
    assert char_pairs("集\u200b合") == frozenset({"集合"})  # a zero-width space between the characters is no gap
    assert char_pairs("群") == frozenset() and char_pairs("，。") == frozenset()
    # not folded: width and case count until the caller folds (the knowledge index's char_bigrams does)
    assert char_pairs("ＱＱ群") == frozenset({"ＱＱ", "Ｑ群"}) != char_pairs("QQ群")
