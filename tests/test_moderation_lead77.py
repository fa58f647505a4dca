"""Round 77 (lead, from a fresh bot author's dragon-boat team, qa17r20): a beating promised to a member
(「仆街，再遲到我打到你入醫院」) was read as chatter about being late and only sent to review; it is a threat. A
member's own hospital visit, or a match in a game, is not one. Group written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

DRAGON_BOAT = """
name: 大埔業餘龍舟隊
positioning: 大埔街坊業餘龍舟隊，逢星期三晚同星期日朝喺林村河練習，交流划槳技術同比賽安排
topics: [龍舟, 划槳, 練習, 比賽]
audience: 大埔區龍舟愛好者
type: 兴趣型
"""


@pytest.mark.parametrize("text", [
    "仆街，再遲到我打到你入醫院",
    "你再遲到試下，我打到你進醫院",
    "再放我飛機，把你打殘",
])
def test_a_beating_promised_to_a_member_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    verdict = judge(DRAGON_BOAT, text)
    assert verdict.label == "abuse", (verdict.label, verdict.reason)
    assert verdict.action != "none"


@pytest.mark.parametrize("text", [
    "上星期練完腰好痛，差啲要入醫院，大家熱身要做足",
    "阿強入咗醫院，我哋星期日練完一齊去探佢",
    "打到第三圈先發覺槳斷咗",
])
def test_a_hospital_or_a_blow_that_threatens_nobody_is_not(judge: Callable[[str, str], Verdict], text: str) -> None:
    verdict = judge(DRAGON_BOAT, text)
    assert verdict.label != "abuse", (verdict.label, verdict.reason)
