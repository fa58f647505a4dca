"""Round 41, d17c41 (issue 17): an invitation the writer refuses — "踢了别来加我求情", "私聊我也不回" — offers no way to
reach anyone, so an admin's warning about a banned trade is not that trade. An invitation with any other word before
it ("不要犹豫，私信我") still is one. Groups and messages written for these tests (a parrot club, a sourdough circle)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect

PARROTS = """
name: 南京鹦鹉饲养交流群
positioning: 南京养玄凤、牡丹和虎皮鹦鹉的鸟友交流饲料、洗澡、剪羽和看病，禁止在群里买卖鸟
topics: [玄凤, 牡丹鹦鹉, 虎皮鹦鹉, 鸟粮, 剪羽, 洗澡, 鸟笼, 看病]
audience: 南京的鹦鹉主人
banned: [卖鸟, 发商家广告]
"""

SOURDOUGH = """
name: 周末酸面包烘焙小组
positioning: 自己在家养酵种、烤酸面包的朋友交流配方、发酵时间和烤箱温度
topics: [酵种, 酸面包, 发酵, 配方, 烤箱, 面粉, 含水量]
audience: 在家烘焙的上班族
"""


@pytest.mark.parametrize("text", [
    "以后别再私聊我问配方了，都在群公告里",
    "求情的也别来加我",
    "这种事私聊我也不回",
    "加我一律不通过，有事群里说",
    "不要随便私信我",
])
def test_a_refused_invitation_is_no_invitation(text: str) -> None:
    assert "invite" not in detect(normalise(text)).names("ad"), text


@pytest.mark.parametrize("text", ["不要犹豫，私信我", "别错过，加我", "想要酵种的私聊我", "别客气，找我就行"])
def test_an_invitation_after_another_word_still_is_one(text: str) -> None:
    assert "invite" in detect(normalise(text)).names("ad"), text


@pytest.mark.parametrize("text", [
    "谁再在群里卖鸟我就踢谁，踢了别来加我求情",
    "说过很多次了禁止卖鸟，被移出的不要私信我解释",
    "卖鸟的看到就删，私聊我说情也不回",
])
def test_an_admins_warning_about_the_banned_trade_is_not_acted_on(profile_moderator: Callable[[str], Moderator],
                                                                  text: str) -> None:
    v = profile_moderator(PARROTS).moderate(text)
    assert v.action not in ACTED, (text, v.label, v.reason)
    assert "invite" not in {s["name"] for s in v.checks.get("signals", [])}, (text, v.reason)


def test_the_banned_trade_with_a_real_invitation_is_still_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(PARROTS)
    for text in ("自家繁殖的玄凤宝宝出售，三百一只，需要的私聊我", "牡丹鹦鹉幼鸟便宜卖鸟，不要犹豫，加我看视频"):
        v = mod.moderate(text)
        assert v.label == "ad" and v.action in ACTED, (text, v.reason)


def test_a_member_turning_private_questions_away_is_not_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(SOURDOUGH).moderate("酵种的问题别私聊我了，我也是新手，直接在群里问大家")
    assert v.label != "ad" and v.action not in ACTED, v.reason


@pytest.mark.parametrize("text", ["谁再在群里卖鸟我就踢谁，踢了别来加我求情", "群里卖鸟的一律踢，没有商量", "卖鸟的发现一个踢一个"])
def test_an_admins_kick_threat_reads_as_a_rule_notice(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(PARROTS).moderate(text)
    assert v.label == "ok" and v.checks.get("rule_notice"), (text, v.label, v.reason)


def test_the_ad_classifier_does_not_read_a_refused_invitation(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(SOURDOUGH)
    refused = mod.moderate("酵种我不外卖，不要加我，群里问就行").checks["classifier"]["ad_prob"]
    dropped = mod.moderate("酵种我不外卖，，群里问就行").checks["classifier"]["ad_prob"]
    invited = mod.moderate("酵种我不外卖，加我，群里问就行").checks["classifier"]["ad_prob"]
    assert refused == dropped < invited
