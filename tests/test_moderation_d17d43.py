"""Round 43, d17d43 (issue 17): a member's own contact for the group's own event — the organiser's or a member's phone
or account for the day itself (有事找我, 找不到集合点打我), a thing left behind at it — is no ad when nothing beside it
is a price or a seller's word; a bare number beside it still keeps it an ad. Groups and messages written for these tests
(a lakeside Sunday walking group, a neighbourhood zongzi-wrapping get-together)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import REMOVED

WALK = """
name: 东湖绿道健走队
positioning: 东湖边的街坊每周日早上沿绿道健走八公里，交流走姿、护膝和补水，走完一起喝早茶
topics: [健走, 绿道, 走姿, 护膝, 补水, 步数, 拉伸]
audience: 东湖附近的中老年街坊
events:
  - {title: 周日健走, kind: 线下活动, cadence: 每周日, time: "07:00", place: 东湖绿道入口, host: 老杨}
"""

ZONGZI = """
name: 槐树里包粽子小组
positioning: 槐树里的街坊交流各地粽子的包法和馅料，每年端午前一起包粽子送给社区老人
topics: [粽子, 粽叶, 糯米, 馅料, 咸蛋黄, 碱水粽, 包法]
audience: 槐树里的街坊
events:
  - {title: 端午包粽聚会, kind: 线下活动, cadence: 每年端午前, place: 槐树里社区活动室, host: 李姐}
"""


def _one(moderator: Moderator, text: str, user: str = "u1") -> Verdict:
    return moderator.moderate({"id": "m1", "user": user, "text": text})


@pytest.mark.parametrize("text", [
    "周日健走我走最后收尾，掉队的有事找我，微信 yang_walk2",
    "明早七点绿道入口，第一次来找不到集合点的打我 139 1234 5678",
    "周日健走结束后有人在绿道入口落下一个保温杯，放我这了，失主加我微信 yang_walk2",
])
def test_a_contact_for_the_group_s_own_walk_is_left_alone(profile_moderator: Callable[[str], Moderator],
                                                         text: str) -> None:
    v = _one(profile_moderator(WALK), text)
    assert v.label == "ok", v.reason
    assert v.action not in REMOVED


def test_the_reason_says_the_contact_is_for_the_event(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(WALK), "周日健走我走最后收尾，掉队的有事找我，微信 yang_walk2")
    assert "周日健走" in v.reason and "联络" in v.reason


@pytest.mark.parametrize("text", [
    "周日健走完来我们店吃早餐打九折，有事找我，微信 zaocan_77",
    "周日健走要护膝的找我，一副35，微信 hx_knee",
])
def test_a_seller_naming_the_walk_is_still_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _one(profile_moderator(WALK), text)
    assert v.label == "ad", v.reason
    assert v.action in REMOVED


def test_a_per_head_sign_up_for_the_kind_of_get_together_the_profile_holds(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(ZONGZI), "聚会材料每人AA二十块，大家接龙，有事找我微信 huaishu_li")
    assert v.label == "ok", v.reason


def test_a_sale_slipped_into_the_get_together_sign_up_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(ZONGZI), "聚会每人AA，接龙报名，顺便卖自家腊肠，45一斤，加我微信 lachang_88")
    assert v.label == "ad", v.reason
    assert v.action in REMOVED


def test_a_purpose_s_business_words_keep_its_layers_apart() -> None:
    from copilot.moderation.evidence import corroboration
    checks = {"signals": [{"name": "contact", "label": "ad", "items": ["手机号 13912345678"]},
                          {"name": "self_promo", "label": "ad", "items": ["本店"]}]}
    # a meeting point: the phone and the words around it are one piece of evidence
    assert not corroboration("ad", checks, text="迷路了打我 13912345678，本店门口见")["enough"]
    # … unless a word the purpose's business has (专业, 收费) says it is a service
    assert corroboration("ad", checks, text="专业陪跑，迷路了打我 13912345678，本店门口见")["enough"]
