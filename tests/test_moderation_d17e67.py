"""Round 67, d17e67 (issue 17, qa17r51): where the profile makes the group a market of its members' listings (车源、配货;
二手转让 — permissions.yaml ``freight``, ``market``), a member's listing of that kind, or
their own used gear for the group's subject, with one phone and a price is reviewed, never deleted; outside ads there
(a loan, a WeChat handle, a link) are still deleted, and the same listing in a group that is no market is still an ad.
A rumour asking to be passed on to everyone one knows (转给你认识的所有…, 转发积德) is a chain letter. Groups and
messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict

TRUCKERS = """
name: 皖北货车司机配货群
positioning: 给跑合肥、蚌埠、阜阳一带的货车司机和货主互通货源车源、回程配货，交流路况和车况
topics: [货车, 配货, 货源, 车源, 回程车, 运费, 装车, 卸货, 路况]
audience: 货车司机、货主、物流调度
type: 行业型
"""

GARDEN = """
name: 阳台月季种植群
positioning: 阳台种月季的花友交流品种、修剪、病虫害和肥料
topics: [月季, 修剪, 病虫害, 肥料, 扦插, 盆土]
audience: 月季爱好者
"""

CARGO = "后天早上蚌埠有一车水泥去合肥，要9米6高栏，运费两千三，电话 139 5521 3344 刘"


def test_a_cargo_listing_with_phone_and_price_is_reviewed_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TRUCKERS, CARGO)
    assert v.action in ("none", "review")
    assert v.action != "delete"


def test_an_empty_truck_asking_for_cargo_is_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TRUCKERS, "合肥回阜阳空车一台，17米5，明天中午能装，求货，价格好商量，电话 158 6612 0987")
    assert v.action in ("none", "review")


def test_a_members_own_used_gear_in_a_freight_group_is_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TRUCKERS, "转让一台二手货车，自己跑了两年，手续全，价格电话聊 137 5566 2211")
    assert v.action in ("none", "review")


def test_outside_ads_in_a_market_group_are_still_deleted(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("货车贷款秒批，不看征信，当天放款，加微信 dk8899",
                 "ETC免费办理，油卡打八五折，加V：yk66688",
                 "炒股带单，稳赚不赔，月收益百分之三十，私聊我进群"):
        v = judge(TRUCKERS, text)
        assert (v.label, v.action) == ("ad", "delete"), text


def test_the_same_cargo_listing_in_a_group_that_is_no_market_is_still_an_ad(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(GARDEN, CARGO)
    assert v.label == "ad"


def test_a_rumour_asking_to_be_passed_to_everyone_one_knows_is_a_chain_letter(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TRUCKERS, "转给你认识的所有跑车的！下周一起国道全面查超限，转发积德")
    assert v.label == "spam"
    v = judge(TRUCKERS, "紧急通知：明天起高速一律查车厢，超载就扣车，转发积德")
    assert (v.label, v.action) == ("spam", "delete")


def test_a_plain_road_notice_is_not_a_chain_letter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TRUCKERS, "明天起合肥绕城对货车限行，早上七点到九点，大家注意绕行")
    assert v.label == "ok"
