"""Round 66 (d15b66, issue 15): a situation an operator tells about the members who help (``stated.yaml``):
members who already help (answer newcomers, lead the runs) and a wish to thank or spur them without money lead with
how to motivate core members (reward_helpers), not with newcomers, play ideas or referral rewards. Questions written
for these tests."""

from __future__ import annotations

import pytest
from ask_signals import first_section, situations_told

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex

MOTIVATE = {("core-members", "怎么激励核心成员"), ("layering-kol", "激励与约束并重"),
            ("layering-kol", "搭一条看得见的进阶通道")}


@pytest.mark.parametrize("question", [
    "瑜伽群幾個熱心的老成員常常幫忙帶練，想讓她們更有動力，有什麼不花錢的辦法",
    "手工群有几个老群友一直在帮新人答疑，我想给他们点甜头，可是没什么预算",
])
def test_thanking_members_who_help_leads_with_motivating_core_members(question: str, kb_index: KnowledgeIndex,
                                                                      settings: Settings) -> None:
    assert "reward_helpers" in situations_told(question)
    assert first_section(question, kb_index, settings) in MOTIVATE


def test_a_referral_reward_is_not_thanking_helpers() -> None:
    question = "想设计个老带新的奖励，老群友邀请朋友进群送点小礼物，怎么设计"
    assert "reward_helpers" not in situations_told(question)


def test_helpers_without_a_wish_to_reward_them_are_not_the_situation() -> None:
    assert "reward_helpers" not in situations_told("有几个老群友一直帮新人答疑，可他们答得不太对，要不要提醒")
