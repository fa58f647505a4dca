"""Round 69 (d17c69): normalise's search for any evasive spelling runs behind a first look (literals.gated) — a speed
change that must find every spelling the plain alternation finds, and no other."""

from __future__ import annotations

import re

import pytest

from copilot.moderation.literals import Gated
from copilot.moderation.normalise import normalise, spellings

# messages written for this test: evasive spellings of a contact or a pitch, and ordinary chat with none
SPELLED = [
    "想了解的加我薇信，备注读书",
    "有需要的+v详聊，量大从优",
    "招兼值宝妈，日jie两百，扣扣联系",
    "某宝搜同名店铺就能找到",
    "绿色聊天软件上联系我，这里不方便说",
    "招带理，返俐高，加我微详谈",
]
PLAIN = [
    "周六上午九点在图书馆门口集合，记得带上读书笔记",
    "今天的分享太精彩了，谢谢老师",
    "参加微辣挑战的同学请在群里接龙",
    "这本书第三章讲得有点难，有人能解释一下吗",
]


def _plain_search(text: str) -> bool:
    rx = spellings().any_variant
    return (rx.rx if isinstance(rx, Gated) else rx).search(text) is not None


def test_any_variant_is_gated() -> None:
    assert isinstance(spellings().any_variant, Gated)


@pytest.mark.parametrize("text", SPELLED + PLAIN)
def test_gated_search_answers_as_the_plain_pattern(text: str) -> None:
    compact = normalise(text).compact
    assert (spellings().any_variant.search(compact) is not None) == _plain_search(compact)


@pytest.mark.parametrize("text", SPELLED)
def test_spellings_still_read(text: str) -> None:
    n = normalise(text)
    assert n.evasions, text  # each spelling is still found and named as an evasion
    assert re.search("微信|兼职|日结|qq|淘宝|代理|返利", n.compact), n.compact


@pytest.mark.parametrize("text", PLAIN)
def test_plain_chat_has_no_spelling(text: str) -> None:
    n = normalise(text)
    assert n.evasions == () and "微信" not in n.compact  # 参加微辣: the first look finds 加微, the word edge keeps it


def test_first_look_finds_what_the_word_edge_then_keeps() -> None:
    assert spellings().any_variant.search("参加微辣挑战") is not None
    assert spellings().any_variant.search("周六上午九点集合") is None
