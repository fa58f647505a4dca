"""Round 81 (lead, issue 17; from the fresh tester qa17r24): Cantonese said the same threat and the same chain letter the
Mandarin forms are acted on for — 「你再講多句我上嚟斬死你」 was read as chatter and sent for review, 「收到請轉發！…快啲通知
你啲朋友」 had one cue only and was reviewed. What changed, as data: patterns.yaml ``cantonese`` reads 講多句 as 说一句,
斬死 as 砍死 and 你啲 as 你的 (the abuse layer and the spam cues read the Mandarin form). Messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED

ROOFTOP_HK = """
name: 九龍天台種菜街坊群
positioning: 喺天台同露台種菜嘅街坊交流種子、泥土同病蟲害經驗
topics: [天台種菜, 種子, 堆肥, 病蟲害]
audience: 九龍嘅種菜街坊
type: 兴趣型
"""


@pytest.mark.parametrize("text", [
    "你再講多句我就上嚟斬死你",
    "再喺度亂講嘢，講多一句我斬死你",
])
def test_a_cantonese_threat_is_abuse_and_acted_on(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(ROOFTOP_HK, text)
    assert v.label == "abuse" and v.action in ACTED, (text, v.label, v.action, v.reason)


def test_a_cantonese_chain_letter_is_deleted_like_the_mandarin_one(judge: Callable[[str, str], Verdict]) -> None:
    hk = judge(ROOFTOP_HK, "收到請轉發！聽講下個月起露台種嘢要罰款三萬，快啲通知你啲朋友！")
    cn = judge(ROOFTOP_HK, "收到请转发！听说下个月起露台种菜要罚款三万，快点通知你的朋友！")
    assert hk.label == cn.label == "spam"
    assert hk.action == cn.action and hk.action in ACTED, (hk.reason, cn.reason)


@pytest.mark.parametrize("text", [
    "講多句：今年嘅番茄種子唔使錢，想要嘅星期六嚟攞",  # 講多句 = "one more thing", no threat
    "啲番茄斬件煲湯好正",  # chopping tomatoes for soup
    "你啲朋友如果想嚟換種子，星期六下晝兩點天台見",  # inviting friends to the seed swap
])
def test_the_same_cantonese_words_in_ordinary_talk_are_not_acted_on(judge: Callable[[str, str], Verdict],
                                                                      text: str) -> None:
    v = judge(ROOFTOP_HK, text)
    assert v.label != "abuse" and v.action not in ACTED, (text, v.label, v.action, v.reason)
