"""Round 84 (d17s84), issue 17's speed: two per-message costs that were exceptions raised and caught, with the same
answers and verdicts.

- ``PatternsOnUse.get`` of a key that is no word list (a patterns.yaml mask, ``ad.invite_<platform>`` of a platform
  without one — ~2.5 a message) raised and caught a KeyError; it now asks first.
- ``Message.repaired`` read a pydantic private attribute as ``self._repaired``, which pydantic answers only after a
  failed plain look-up (an AttributeError of its own, once a message); it now reads pydantic's store of private values.

The messages are written for these tests: a hiking group's and a used-camera group's lines — everyday talk, an ad with
its WeChat id split by zero-width characters, full-width letters and digits, Traditional and Cantonese lines, a threat
without a dirty word, a chain letter — and broken text with lone UTF-16 surrogates as a buggy client sends it.
"""

from __future__ import annotations

import pytest

from benchmarks.ab_moderation import _old84_get, _old84_repaired, use84
from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.message import Message, message_from
from copilot.moderation.signals import PatternsOnUse, lexicons

MESSAGES = [
    "周六早上七点地铁站集合，爬香山，记得带两瓶水",
    "这条线路下雨天很滑，新手别走后山那段",
    "出一台自用的富士微单，九成新，快门一万出头，想要的私聊",
    "加\u200b微\u200b信 hike8899 领户外装备优惠券，冲锋衣批发价",  # zero-width characters between the words
    "ｖｘ：ｃａｍ２０２６，二手镜头全网最低价",  # full-width letters and digits
    "這週日去爬山嗎？天氣預報說會放晴",  # Traditional
    "聽日去行山啊，你哋去唔去？",  # Cantonese
    "你再在群里阴阳怪气，我知道你住哪，出门小心点",  # a threat without a dirty word
    "转发到五个群，三天内必有好运，不转的人倒霉一整年",  # a chain letter
]


def _moderator() -> Moderator:
    return Moderator(Settings(llm_provider="offline"), None, audit=None)


# --- PatternsOnUse.get -----------------------------------------------------------------------------------------------

def test_get_answers_as_the_try_and_catch_did() -> None:
    words = lexicons().words
    keys = ["chatter", "ad.invite", "abuse.attack", "no.such.list", "reach_note", "ad.invite_wechat", "ad.invite_qq", ""]
    for key in keys:
        assert words.get(key) is _old84_get(words, key)
        assert words.get(key, "缺省") == _old84_get(words, key, "缺省")


def test_get_compiles_a_pending_list_and_keeps_a_stored_none() -> None:
    made: list[str] = []

    def make() -> str:
        made.append("编译")
        return "徒步"

    words = PatternsOnUse(["a", "b", "c"], {"a": "登山", "c": None}, {"b": make})
    assert words.get("a") == "登山"
    assert words.get("c", "缺省") is None  # a value stored as None is a value, not a missing key
    assert words.get("b") == "徒步" and made == ["编译"]
    assert words.get("b") == "徒步" and made == ["编译"]  # compiled once, then stored
    assert words.get("d") is None and words.get("d", 0) == 0
    with pytest.raises(KeyError):
        words["d"]  # noqa: B018 - the plain look-up still fails for a key that is no list


# --- Message.repaired ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "broken"), [
    ("周六爬山，记得带水", 0),
    ("聽日去行山啊\ud83d", 1),  # half of an emoji's surrogate pair, as a buggy client sends it
    ("\ud800加微信\udfff hike8899\ud801", 3),
    ("", 0),
])
def test_repaired_counts_the_lone_surrogates(text: str, broken: int) -> None:
    msg = message_from({"id": "1", "user": "阿峰", "text": text})
    assert msg.repaired == broken == _old84_repaired(msg)
    assert "\ud800" not in msg.text and (broken == 0) == (msg.text == text)


def test_repaired_of_a_message_built_without_validation() -> None:
    assert Message.model_construct(text="周末去爬山").repaired == 0
    assert Message(text="周末去爬山").repaired == 0


def test_the_verdict_still_says_the_text_was_repaired() -> None:
    v = _moderator().moderate({"id": "9", "user": "阿峰", "text": "这周六去爬香山吗\ud83d"})
    assert v.checks["normalise"]["repaired"] == 1
    assert "1 个无效字符" in v.reason


# --- the whole verdict, old paths against new ------------------------------------------------------------------------

def test_verdicts_the_same_with_the_old_paths() -> None:
    def verdicts() -> list[dict[str, object]]:
        mod = _moderator()
        out = []
        for i, text in enumerate(MESSAGES):
            d = mod.moderate({"id": str(i), "user": "阿峰", "text": text, "ts": 1_796_300_000 + 60 * i}).model_dump()
            d.pop("verdict_id")
            out.append(d)
        return out

    new = verdicts()
    use84(True)
    try:
        old = verdicts()
    finally:
        use84(False)
    assert new == old
    labels = {str(v["label"]) for v in new}
    assert {"ok", "ad"} <= labels  # (the set holds both plain talk and ads: a test of one kind only would prove little)
