"""Issue 17, round 72 (lead, from the fresh tester qa17r15): an online casino's ad is an ad by its trade's own words
(线上娱乐城, 时时彩, 真人视讯: lexicons.yaml ad.strong) even with only a bare link beside it, while a place called 娱乐城
(a mall's arcade), drains that 返水 and a warning about betting groups stay ok; and contempt for a member's whole family
(你全家都是骗子, 你们一家都是没素质的: patterns.yaml group_slur groups) is a put-down of that member — a kind word about
the family (你们一家都是好人) is not. Groups and messages written for these tests (a ride-hailing drivers' group, a
balcony vegetable growers' group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import group_slur, in_mandarin

Judge = Callable[[str, str], Verdict]

DRIVERS = """
name: 佛山网约车司机互助群
positioning: 在佛山跑网约车的司机交流接单、路况、充电和保养，互相提醒
topics: [网约车, 接单, 路况, 充电, 保养, 平台规则, 乘客]
audience: 佛山的网约车司机
platform: wechat
banned: [赌博, 网贷]
"""


@pytest.mark.parametrize("text", [
    "线上娱乐城新开业，充200送200，www.dy-vip88.cc",
    "网上娱乐城体验金免费领，www.ky77.cc",
    "时时彩内部计划，准确率很高，www.cp-plan.cc",
])
def test_casino_ads_are_removed(judge: Judge, text: str) -> None:
    v = judge(DRIVERS, text)
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason


@pytest.mark.parametrize("text", [
    "周末带娃去了商场里的娱乐城，抓娃娃机挺多",
    "下雨后车库地漏一直返水，物业说明天来修",
    "提醒一下，有乘客在车上拉人进彩票计划群，都是骗子别信",
])
def test_casino_words_in_ordinary_lines_are_not_ads(judge: Judge, text: str) -> None:
    v = judge(DRIVERS, text)
    assert v.label != "ad", v.reason
    assert v.action not in ("delete", "mute", "warn"), v.reason


@pytest.mark.parametrize("text", ["@老杨 你全家都是骗子，欠我的钱什么时候还", "你们一家都是没素质的，天天占别人充电桩",
                                  "你们外省人都这素质？插队充电还有理了"])
def test_contempt_for_a_members_family_is_a_put_down(text: str) -> None:
    assert group_slur().search(in_mandarin(normalise(text).folded))


@pytest.mark.parametrize("text", ["你们一家都是好人，上次帮我换胎", "你全家都挺好吧？好久没见你出车了",
                                  "我们老家人都这样，见面先递烟"])
def test_a_kind_word_about_a_family_is_no_put_down(text: str) -> None:
    assert not group_slur().search(in_mandarin(normalise(text).folded))


def test_family_contempt_at_a_member_is_acted_on(judge: Judge) -> None:
    v = judge(DRIVERS, "@老杨 你全家都是骗子，欠我的钱什么时候还")
    assert v.label == "abuse", v.reason
    assert v.action in ("warn", "delete", "review"), v.reason
