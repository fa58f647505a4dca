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


SELF_BUILD = """
name: 农村自建房业主交流群
positioning: 农村自建房业主交流设计、施工、材料和报建经验
topics: [自建房, 施工, 建材, 报建, 设计]
audience: 准备或正在自建房的农村业主
type: 兴趣型
"""


@pytest.mark.parametrize("text", [
    "我家隔壁村的包工头做得不错，价格实在，要电话的我私发你们",
    "去年给我家打地基的师傅很负责，有需要的话我私发给你们",
])
def test_an_offer_to_send_a_recommendation_privately_is_never_deleted(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    verdict = judge(SELF_BUILD, text)
    assert verdict.action not in ("delete", "mute"), (verdict.label, verdict.action, verdict.reason)


@pytest.mark.parametrize("text", [
    "需要的私发你们，日入三百，宝妈学生都可以",
    "低价出建材，要的私我，我私发你们价格表",
    "钢筋水泥厂家直供，加微 jc88990011，我私发你们报价",
])
def test_a_private_send_with_something_to_sell_is_still_acted_on(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    verdict = judge(SELF_BUILD, text)
    assert verdict.label == "ad" and verdict.action == "delete", (verdict.label, verdict.action, verdict.reason)
