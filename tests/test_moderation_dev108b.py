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


ORANGES = """
name: 赣南脐橙种植户群
positioning: 果农交流果园管理、黄龙病防治、修剪疏果和脐橙收购行情
topics: [果园管理, 黄龙病防治, 修剪, 疏果, 收购行情]
audience: 赣州一带种脐橙的果农
type: 行业交流群
banned: [贷款, 假农药]
"""

CALLIGRAPHY = """
name: 城西书法临帖群
positioning: 书法爱好者交流临帖心得、笔墨纸砚和作品点评
topics: [临帖, 楷书, 行书, 笔墨纸砚, 作品点评]
audience: 城西一带练书法的成年人
type: 兴趣群
banned: [广告]
"""

TRADE_ASKS = [
    "果子小的那批还有没有人要，我家堆了两千来斤",
    "隔壁乡的果商在收了，谁去问过价没",
    "有人知道现在次果几块一斤吗",
    "听说今年的果子不好卖，你们卖掉没有",
]


@pytest.mark.parametrize("text", TRADE_ASKS)
def test_who_buys_the_goods_or_what_they_fetch_is_the_trade_of_a_group_that_names_its_market(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(ORANGES, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.parametrize("text", TRADE_ASKS)
def test_the_same_asks_in_a_group_that_names_no_market_are_still_weighed_as_chatter(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CALLIGRAPHY, text)
    assert v.label == "off_topic", v.reason


@pytest.mark.parametrize("text, label", [
    ("双十二买的电视什么价，值不值", "off_topic"),                    # a chatter topic beside the ask decides
    ("长期高价收购脐橙次果，量大上门，电话 138 7078 2231", "ad"),     # a dealer buying is still an ad
])
def test_a_chatter_topic_or_a_dealers_offer_in_a_market_group_is_not_made_the_groups_trade(
        judge: Callable[[str, str], Verdict], text: str, label: str) -> None:
    v = judge(ORANGES, text)
    assert v.label == label, v.reason
