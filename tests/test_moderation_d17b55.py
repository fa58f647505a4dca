"""Round 55, d17b55 (issue 17): the group's own organiser posting its own products or events is the group's business
(a banned item means someone else doing it); where members may pass on their own things, the usual second-hand
platforms' links are how they do it; a residents' group talks of its pets, lost things, children's health and bills;
a warning that someone else makes people add a WeChat does not make the invitation; a member giving a red packet is
not begging. Messages written for these tests, for groups not used before: a community fruit group buy, a
neighbourhood owners' group, a walking club and a bakery studio's students."""

from __future__ import annotations

from pathlib import Path

import pytest
from moderation_say import dry_run_moderator as _mod
from moderation_say import said_by as _say

from copilot.moderation.labels import ACTED, REMOVED, Label

FRUIT = """name: 金桂苑小区水果团
positioning: 金桂苑小区的水果团购群，团长阿霞每天发当天的水果和价格，群里接龙，次日在北门自提
topics: [水果, 接龙, 自提, 售后]
audience: 金桂苑小区住户
type: 社区团购
banned: [其他团购, 微商]
products:
  - {name: 沃柑, price: 42, promo_price: 38, unit: 箱}
  - {name: 蓝莓, price: 25, unit: 盒}
"""
ESTATE = """name: 滨江华庭业主群
positioning: 滨江华庭业主和租户沟通物业通知、报修、缴费、停车，也欢迎邻里互助和闲置转让；装修拉客和中介请勿发
topics: [物业, 报修, 缴费, 停车, 邻里互助, 闲置转让]
audience: 滨江华庭业主和租户
type: 社区
banned: [装修拉客, 房产中介]
"""
WALKS = """name: 杭城周末徒步队
positioning: 杭州上班族周末一起徒步，队长阿杰每周带线路，新手跟队
topics: [徒步, 爬山, 路线, 装备, 天气]
type: 兴趣型
banned: [收费带团, 卖装备]
events:
  - {title: 周日九溪徒步, kind: 线下活动, cadence: 每周日, time: "08:30", place: 九溪公交站, host: 队长阿杰}
"""


def test_the_group_buy_leaders_own_promotion_is_not_acted_on(tmp_path: Path) -> None:
    v = _say(_mod(FRUIT, tmp_path), "团长阿霞", "明天会员日，沃柑38一箱，买两箱送一盒蓝莓，今晚八点截单哦")
    assert v.label == Label.OK, v.reason
    assert v.checks["own_organiser"]["name"] == "团长阿霞"
    assert "组织者" in v.reason


@pytest.mark.parametrize("user,text", [
    ("团长小丽", "明天会员日，沃柑38一箱，买两箱送一盒蓝莓，今晚八点截单哦"),  # a leader the profile does not name
    ("团长水果", "明天会员日，沃柑38一箱，买两箱送一盒蓝莓，今晚八点截单哦"),  # a role with one of the profile's plain words
    ("团长阿霞", "顺便推荐我表妹的美甲店，新客体验价68，加她微信 nail_xx66"),  # the leader's other business, with a handle
    ("8栋小胡", "姐妹们我家的沃柑才29一箱，买两箱送一箱，私我下单"),  # an outsider's sale in the leader's group
])
def test_anyone_else_selling_or_the_leader_selling_something_else_is_still_an_ad(tmp_path: Path, user: str, text: str) -> None:
    v = _say(_mod(FRUIT, tmp_path), user, text)
    assert v.label == Label.AD, v.reason
    assert "own_organiser" not in v.checks


def test_the_club_leaders_own_paid_outing_is_not_the_banned_paid_tour(tmp_path: Path) -> None:
    mod = _mod(WALKS, tmp_path)
    v = _say(mod, "队长阿杰", "下个月有个收费的溯溪活动，每人260含包车和保险，有兴趣的接龙")
    assert v.label == Label.OK, v.reason
    assert v.checks["own_organiser"]["banned"] == ["收费带团"]
    outsider = _say(mod, "户外阿K", "下个月有个收费的溯溪活动，每人260含包车和保险，有兴趣的加我微信 trip_k260")
    assert outsider.label == Label.AD and outsider.action in REMOVED, outsider.reason


def test_an_allowed_second_hand_sale_with_its_platform_link_is_not_acted_on(tmp_path: Path) -> None:
    mod = _mod(ESTATE, tmp_path)
    v = _say(mod, "3-802-王", "宝宝的学步车用不上了，挂闲鱼了 https://m.tb.cn/h.Zq81Pw 60块，邻居要的话直接来拿")
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    shop = _say(mod, "童装小铺", "闲鱼店铺上新啦，品牌童装批发价，量大从优 https://m.tb.cn/h.Ka77Yy")
    assert shop.label == Label.AD and shop.action in REMOVED, shop.reason
    other = _say(mod, "5-1201-赵", "这款空气炸锅在搞活动 https://m.tb.cn/h.Uu12Ce 到手199，冲")  # a shop page, no platform named
    assert other.label == Label.AD, other.reason


def test_the_platform_link_is_no_allowance_where_the_profile_allows_no_resale(tmp_path: Path) -> None:
    v = _say(_mod(WALKS, tmp_path), "阿伟", "旧登山包挂闲鱼了 https://m.tb.cn/h.Pp09Lk 80块")
    assert v.label == Label.AD, v.reason


@pytest.mark.parametrize("text", [
    "我家的橘猫昨晚从阳台跑丢了，脖子上有铃铛，邻居们看到麻烦说一声",
    "遛狗的邻居麻烦牵好绳，昨天一只大狗差点扑到我家孩子",
    "孩子发烧38度5，附近的社区医院周末开门吗？",
    "这个月水电费怎么这么高，大家家里也是吗",
])
def test_a_residents_group_talks_of_the_neighbourhoods_life(tmp_path: Path, text: str) -> None:
    v = _say(_mod(ESTATE, tmp_path), "6-1103-邻居", text)
    assert v.label == Label.OK, v.reason


def test_sports_talk_is_still_off_topic_in_a_residents_group(tmp_path: Path) -> None:
    v = _say(_mod(ESTATE, tmp_path), "2-301-刘", "昨晚那场球赛加时太刺激了，湖人最后绝杀")
    assert v.label == Label.OFF_TOPIC, v.reason


def test_a_notice_warning_that_someone_makes_owners_add_a_wechat_is_not_an_ad(tmp_path: Path) -> None:
    mod = _mod(ESTATE, tmp_path)
    v = _say(mod, "物业服务中心", "【提醒】近期有人冒充物业打电话，让业主加微信交停车费，物业不会私下收费，请到前台办理")
    assert v.label == Label.OK, v.reason
    scam = _say(mod, "物业财务", "【提醒】近期有人冒充物业让业主加微信交费，正规缴费请加物业财务微信 wy_pay2026")
    assert scam.label == Label.AD and scam.action in REMOVED, scam.reason


@pytest.mark.parametrize("text", ["我发了个红包，谢谢大家帮我找到钥匙，快抢", "大家快啲搶紅包啦，我發咗個利是"])
def test_giving_a_red_packet_is_not_begging(tmp_path: Path, text: str) -> None:
    v = _say(_mod(WALKS, tmp_path), "阿伟", text)
    assert v.label == Label.OK and v.action not in ACTED, v.reason


def test_asking_the_group_to_grab_or_send_one_is_still_spam(tmp_path: Path) -> None:
    mod = _mod(WALKS, tmp_path)
    assert _say(mod, "阿伟", "大家快抢红包，抢到最多的发下一个").label == Label.SPAM
    assert _say(mod, "阿伟", "我发了个红包，抢到最多的发下一个").label == Label.SPAM
