"""Round 56, d17a56 (issue 17): a shop's own accounts and a group's organiser in their own group. The organiser or a
shop group's staff account may ask members to message them (私我, 私訊我) about the group's own offer or event; a shop's
own after-sales notice with its one handle is the shop's counter; a member's report of time with a teacher they name is
no plain offer. Anyone else saying the same, or the shop's account adding a lead, a price pitch or a link, stays an ad.
Messages written for these tests, for groups not used before: a bicycle shop's customer group, a drum circle (Taiwan)
and a children's chess club."""

from __future__ import annotations

from pathlib import Path

import pytest
from moderation_say import dry_run_moderator as _mod
from moderation_say import said_by as _say

from copilot.moderation.labels import ACTED, REMOVED, Label

BIKES = """name: 青木单车会员群
positioning: 青木单车店的老顾客群，店长阿木和客服小雨发本店新车、会员日优惠和保养通知，处理售后；车友交流骑行和保养
topics: [自行车, 保养, 骑行, 会员日, 售后]
audience: 在青木单车买过车的顾客
type: 品牌型
schedule: ["每月第一个周六 会员日"]
products:
  - {name: 基础保养, price: 80, promo_price: 60, unit: 次}
  - {name: 公路车清洗, price: 50, unit: 次}
"""
DRUMS = """name: 台中非洲鼓同好會
positioning: 台中喜歡非洲鼓的朋友一起練習，老師阿德每月帶一次鼓圈
topics: [非洲鼓, 鼓圈, 練習, 節奏]
type: 兴趣型
events:
  - {title: 月光鼓圈, kind: 线下活动, cadence: 每月最後一個週六, time: "19:00", place: 草悟道, host: 阿德老師}
"""
CHESS = """name: 小棋手家长群
positioning: 少儿国际象棋俱乐部的家长群，交流孩子下棋、比赛和练习
topics: [国际象棋, 比赛, 练习, 孩子]
type: 兴趣型
"""


@pytest.mark.parametrize("user", ["店长阿木", "客服小雨", "青木单车-客服小雨"])
def test_the_shops_own_account_may_ask_members_to_message_it_about_its_member_day(tmp_path: Path, user: str) -> None:
    v = _say(_mod(BIKES, tmp_path), user, "本月会员日全场配件九折，到店出示会员码就行，有问题私我")
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert v.checks["own_organiser"]["name"] == user


def test_a_member_saying_the_same_in_the_shops_group_is_still_an_ad(tmp_path: Path) -> None:
    v = _say(_mod(BIKES, tmp_path), "车友阿飞", "本月会员日全场配件九折，到店出示会员码就行，有问题私我")
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "own_organiser" not in v.checks


def test_the_shops_after_sales_notice_with_its_handle_is_not_acted_on(tmp_path: Path) -> None:
    v = _say(_mod(BIKES, tmp_path), "客服小雨", "配件少发的顾客联系我，电话 0571-8888 6666，给您补发")
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert v.checks["own_organiser"]["aftersales"]
    assert "售后" in v.reason


@pytest.mark.parametrize("user,text", [
    ("客服小雨", "会员福利，加我微信 qingmu_kf 领取骑行手套一副"),  # the shop's account with a lead, no after-sales
    ("客服小雨", "售后问题加我微信 qingmu_kf，新款头盔199，满两件包邮"),  # … or with a price pitch beside it
    ("单车维修老周", "收到车子有磕碰的加我微信 zhou_fix88，上门修，比店里便宜"),  # an outsider
])
def test_a_lead_a_pitch_or_an_outsider_beside_after_sales_words_stays_an_ad(tmp_path: Path, user: str, text: str) -> None:
    v = _say(_mod(BIKES, tmp_path), user, text)
    assert v.label == Label.AD, v.reason


def test_the_hosts_own_event_with_a_private_message_to_sign_up_is_the_groups(tmp_path: Path) -> None:
    mod = _mod(DRUMS, tmp_path)
    v = _say(mod, "阿德老師", "這個月的月光鼓圈改到晚上七點半，第一次來的可以帶朋友，要借鼓的私訊我")
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    outsider = _say(mod, "鼓藝教室Joe", "非洲鼓一對一教學，一堂800，保證學會，要上課的私訊我")
    assert outsider.label == Label.AD, outsider.reason


def test_a_parent_reporting_time_with_a_coach_is_not_a_plain_offer(tmp_path: Path) -> None:
    v = _say(_mod(CHESS, tmp_path), "朵朵爸", "推荐个国际象棋老师，我家孩子跟他学了一学期，一节课150，想了解的我推微信给你")
    assert v.label == Label.OK and v.action not in ACTED, v.reason
