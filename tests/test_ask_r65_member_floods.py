"""Round 65 (d15c65, issue 15, qa15r46): someone flooding the group with their own stuff (十几条语音, 砍一刀和投票链接)
is answered from the moderation sections, not from running one's own promotion or 拼团 (measured alone in round 66,
d15a66). Questions written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import first_section, situation_deciding

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex


@pytest.mark.parametrize("question", [
    "群里有位大叔一发就是十几条语音，别人的消息都被刷没了，怎么提醒他",
    "小区群里天天有人发砍一刀和帮忙投票的链接，大家都嫌烦，我怎么说合适",
])
def test_a_member_flooding_the_group_is_not_a_promotion_question(question: str) -> None:
    assert situation_deciding(question) == "member_floods"


@pytest.mark.parametrize("question", [
    "我们店每周在客户群发一次优惠，一次发七八条会不会太多",  # the asker's own promotion
    "新人一进来就一口气发十几条广告，还私聊群友借钱，怎么处理",  # a scam: the ad and fraud section
])
def test_the_askers_own_posts_or_a_scam_are_not_a_member_flood(question: str) -> None:
    assert situation_deciding(question) != "member_floods"


def test_a_flood_of_voice_messages_is_not_led_by_promotion(kb_index: KnowledgeIndex, settings: Settings) -> None:
    lead = first_section("群里有个大哥一发就是十几条60秒语音，大家都没法看，怎么跟他说比较委婉", kb_index, settings)
    assert lead[0] == "moderation-offtopic"  # 群里做促销的分寸 led before
