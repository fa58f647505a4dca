"""A sign-up for one of the group's own events (listed in its profile) is the organiser's: the handle, 私聊我,
the AA fee and a form link are how members sign up. A seller who names the event still sells, and a
sign-up for something the profile does not list gets no such allowance."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

RUNNERS = """
name: 滨江夜跑团
positioning: 滨江跑友交流跑步训练、装备和伤病恢复，每周六晨跑、每月一次拉练，活动费AA
topics: [跑步, 配速, 跑鞋, 马拉松, 拉伸, 间歇跑]
audience: 城东上班族跑者
events:
  - {title: 周六晨跑, kind: 活动, cadence: 每周六, place: 滨江公园东门}
  - {title: 月度拉练, kind: 活动, cadence: 每月一次, place: 九溪}
"""
NO_EVENTS = """
name: 滨江夜跑团
positioning: 滨江跑友交流跑步训练、装备和伤病恢复，活动费AA
topics: [跑步, 配速, 跑鞋, 马拉松, 拉伸, 间歇跑]
"""


@pytest.mark.parametrize("text", [
    "周六晨跑报名请私聊我，AA每人20元，含补给和保险",
    "月度拉练报名加我微信 binjiang_run 备注姓名，费用AA",
    "这次拉练的报名表在这 https://docs.qq.com/form/page/DabcXYZ 填完等通知，费用AA约30元",
])
def test_a_sign_up_for_the_groups_own_event_is_not_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(RUNNERS).moderate(text)
    assert v.label == "ok", v.reason
    assert v.action not in ACTED
    assert "本群活动" in v.reason


def test_the_same_sign_up_without_the_event_in_the_profile_is_still_weighed_as_an_offer(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(NO_EVENTS).moderate("月度拉练报名加我微信 binjiang_run 备注姓名，费用AA")
    assert v.label == "ad", v.reason


@pytest.mark.parametrize("text", [
    "晨跑训练营报名私聊我，三个月破三，学费1999，名额有限",
    "代购跑鞋，拉练前报名私聊我",
])
def test_a_seller_naming_the_event_still_sells(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    assert profile_moderator(RUNNERS).moderate(text).label == "ad"


def test_a_rule_notice_quoting_a_banned_post_is_not_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RUNNERS).moderate("群主提醒：群里不许发二维码和微信号，上次有人发了“加V领跑鞋”的广告已经踢了")
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", [
    "【群规】禁止发广告，上次有人发“加V领跑鞋”被踢了，想买跑鞋的加我 V：shoe_88",
    "【群规】不许发“加V领券”这种广告，要领券的私聊我",
])
def test_a_rule_notice_that_offers_something_outside_its_quotes_is_still_an_ad(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    assert profile_moderator(RUNNERS).moderate(text).label == "ad"


NEIGHBOURS = """
name: 城南邻里互助群
positioning: 城南小区邻居互相帮忙、交流生活信息、组织亲子和合唱活动
topics: [邻里, 互助, 亲子活动, 合唱团, 物业, 停车]
"""


@pytest.mark.parametrize("text", [
    "这次郊游每人交150，含大巴和午饭，钱转给小李",
    "上周换了个手机屏，花了380，师傅说是原装的",
    "我们合唱团的服装费每人120，下次排练带现金",
    "物业说下月起车位管理费60一个月，有异议的周五去物业中心",
    "我家暖气片漏水，找人换阀门花了260，大家注意检查",
])
def test_a_members_price_talk_and_the_groups_own_fees_are_not_ads(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(NEIGHBOURS).moderate(text)
    assert v.label != "ad", v.reason


VOLUNTEERS = """
name: 城南献血志愿者群
positioning: 献血志愿者排班、培训和经验交流
topics: [献血, 志愿服务, 排班, 献血车]
events:
  - {title: 新志愿者培训, kind: 课程, cadence: 每月第二个周日, place: 中心血站三楼}
"""


def test_a_kind_of_event_alone_does_not_name_the_groups_own(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(VOLUNTEERS)
    assert mod.moderate("新志愿者培训报名私聊我，带身份证复印件").label == "ok"
    assert mod.moderate("培训报名加我微信 kaozheng_88，三个月拿证").label == "ad"


def test_a_pitch_dressed_as_the_events_sign_up_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RUNNERS).moderate("周六晨跑报名送跑鞋团购特价，名额有限，加我微信 run_shop88")
    assert v.label == "ad", v.reason


def test_a_warning_that_retells_the_scammers_handle_is_only_reviewed(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RUNNERS).moderate("有人私聊我说加他微信 run_coach88 就打折，大家别上当")
    assert v.action not in ACTED, v.reason
    assert "防骗" in v.reason


def test_a_pitch_dressed_as_a_warning_with_the_writers_own_handle_is_still_deleted(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RUNNERS).moderate("有人私聊我说想买跑鞋，我这有货，加我微信 shoe_99，别上当买假货")
    assert v.label == "ad" and v.action in ACTED, v.reason
