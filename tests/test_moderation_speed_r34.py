"""Round 34 speed work: the pre-checks that skip a translate must never change a text (issue 17)."""

import unicodedata

import pytest

from copilot import textnorm
from copilot.moderation import normalise as norm


def _chunks() -> list[str]:
    """Every code point (no lone surrogates), 40 at a time, plus realistic chat lines."""
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    return [chars[i:i + 40] for i in range(0, len(chars), 40)] + [
        "周六下午两点读书会在三楼活动室，记得带书～",
        "加我薇 信：ａｂｃ１２３４５６，低价代购！！",
        "这本书第３章讲得真好\u200b大家看完了吗",
        "٥٩٢ 元包邮，私聊",
        "раураl 账号出售",  # Cyrillic look-alikes inside a Latin word
        "",
    ]


@pytest.mark.parametrize("text", _chunks()[-6:])
def test_folding_chat_lines_is_what_the_full_tables_give(text: str) -> None:
    assert textnorm.width_fold(text) == unicodedata.normalize("NFKC", text).translate(textnorm._width_table())
    assert textnorm.strip_invisible(text) == text.translate(textnorm._invisible())


def test_the_pre_checks_miss_no_character_of_any_table() -> None:
    width, invisible, skeleton = textnorm._width_chars(), textnorm._invisible_chars(), norm._skeleton_chars()
    for text in _chunks():
        assert bool(width.search(text)) or text.translate(textnorm._width_table()) == text
        assert bool(invisible.search(text)) or text.translate(textnorm._invisible()) == text
        assert bool(skeleton.search(text)) or text.translate(norm._skeleton()) == text


def test_look_alike_letters_and_foreign_digits_are_still_folded() -> None:
    n = norm.normalise("加раураl账号，价格٥٩٢")
    assert "paypal" in n.compact and "592" in n.compact and "形近字母" in n.evasions
    assert textnorm.width_fold("ＱＱ：１２３") == "QQ:123"
    assert textnorm.strip_invisible("加\u200b微\u2060信") == "加微信"
