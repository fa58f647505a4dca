"""Round 65, d17a65 (issue 17, false alarms in producers' groups): a member's own few surplus things said with 多了
(订的菌种多了两瓶) and offered at cost with one phone number for the pickup are a member's surplus, not an ad. Groups and
messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

MUSHROOMS = """
name: 庆元香菇种植户交流群
positioning: 菇农交流菌棒制作、出菇管理、杂菌防治和干菇收购价
topics: [菌棒, 出菇管理, 杂菌防治, 烘干, 干菇收购价, 花菇]
audience: 庆元、龙泉一带种香菇的农户
type: 行业交流群
banned: [贷款, 代养]
"""

TEA = """
name: 安溪茶农技术交流群
positioning: 安溪一带的茶农交流茶园管理、病虫害防治、制茶工艺和毛茶行情
topics: [茶园管理, 病虫害防治, 做青, 摇青, 毛茶行情, 茶苗]
audience: 安溪、华安一带种茶做茶的农户
type: 行业交流群
banned: [高息贷款, 假农药]
"""


@pytest.mark.parametrize("profile, text", [
    (MUSHROOMS, "今年订的菌种多了两瓶，原价给需要的，在荷地这边自取，电话 139 5786 2210"),
    (TEA, "开春买的茶苗营养土多了三袋，原价给群友，电话 158 5963 0472"),
])
def test_a_surplus_said_with_duo_le_at_cost_with_one_phone_is_a_members_surplus(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason
    assert "多出来的少量东西" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (MUSHROOMS, "菌种多了两瓶，原价给，加我微信 jz_qingyuan"),                          # a WeChat id to add
    (MUSHROOMS, "菌种多了三瓶原价给，厂家直供，长期有货，电话 139 5786 2210"),           # a seller's words
    (TEA, "茶苗营养土多了两袋，原价给群友，电话 158 5963 0472，微信 cha_tu2026"),        # two ways in
])
def test_the_same_duo_le_surplus_with_a_handle_or_a_sellers_words_stays_an_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert "约自提" not in v.reason, v.reason
