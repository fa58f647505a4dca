"""Round 64, dev108 (issue 17, a fresh admin's worst verdicts): a scare chain letter about a place on the group's own
subject (有毒气, 死了好几个人 … 看到的都转给身边人) is spam, while a member's real safety notice, one that names its
source, and a question about a death stay ok. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

CAVES = """
name: 黔南溶洞探险群
positioning: 贵州溶洞和竖井探险爱好者约队、交流单绳技术和洞穴安全
topics: [溶洞, 竖井, 单绳技术, 头灯, 洞穴安全, 暗河]
audience: 有户外经验的探洞爱好者
type: 兴趣活动群
banned: [贷款]
"""

FISH_PONDS = """
name: 湖州鱼塘养殖户群
positioning: 养鱼户交流鱼病防治、增氧、饲料和塘口管理
topics: [鱼病, 增氧, 饲料, 塘口, 鱼苗, 水质]
audience: 湖州一带的养鱼户
type: 行业交流群
banned: [高息, 贷款]
"""


@pytest.mark.parametrize("profile, text", [
    (CAVES, "扩散一下！紫云那边一个竖井底下有毒气，已经死了好几个人了，看到的都转给身边人，谁也别去"),
    (CAVES, "大家注意，有个溶洞下面有毒气，死了好多人，转给亲友，让他们别去"),
    (FISH_PONDS, "转发！最近有种鱼病传得很快，好几个塘的鱼已经死了，看到的人都转给身边人，千万别买外地鱼苗"),
])
def test_a_scare_with_a_death_toll_asked_to_be_passed_to_everyone_is_a_chain_letter(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "spam" and v.action == "delete", v.reason
    assert "转发链" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (CAVES, "今天下竖井测了一下，底部二氧化碳偏高，有毒气风险，下次大家都带上气体检测仪"),
    (CAVES, "县应急局通报：一个溶洞出了缺氧事故，请转给身边的洞友，近期不要进去"),
    (CAVES, "上次那个洞里死了好几只蝙蝠，是不是有毒气，有懂的吗"),
    (FISH_PONDS, "我家塘里昨晚缺氧，鱼已经死了一片，大家这几天注意开增氧机"),
])
def test_a_real_safety_notice_or_question_without_a_forwarding_demand_stays_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


SILK = """
name: 海宁蚕桑户交流群
positioning: 养蚕户交流小蚕共育、桑园管理、蚕病防治和蚕茧行情
topics: [小蚕共育, 桑园管理, 蚕病防治, 蚕种, 方格簇, 蚕茧收购价]
audience: 海宁一带的养蚕户
type: 行业交流群
banned: [代养, 高息, 贷款]
"""

SILK_NO_TRADE = SILK.replace("banned: [代养, 高息, 贷款]", "banned: [禁止买卖, 二手交易, 贷款]")


@pytest.mark.parametrize("text", [
    "今年自己多出来两张蚕种，谁要原价给，在周王庙这边自取，电话 137 5731 0426",
    "家里多出来一箱方格簇用不上，按原价给群友，手机 159 6820 3371",
])
def test_a_members_surplus_at_cost_with_one_phone_for_the_pickup_is_ok(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SILK, text)
    assert v.label == "ok" and v.action == "none", v.reason
    assert "只留了一个电话约自提" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (SILK, "多出来两张蚕种，原价给，加我微信 cz2026hn"),                              # a WeChat id to add
    (SILK, "自家多出来两张蚕种，原价给，电话 137 5731 0426，微信 cz2026hn"),          # two ways in
    (SILK, "多出来两张蚕种原价给，现货充足，长期供应，电话 137 5731 0426"),            # a seller's sign
    (SILK_NO_TRADE, "今年自己多出来两张蚕种，谁要原价给，电话 137 5731 0426"),       # the rules ban trade
])
def test_the_same_surplus_with_a_sellers_handle_or_sign_or_a_trade_ban_stays_an_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert "约自提" not in v.reason, v.reason
