"""Round 83, d17a83 (issue 17, ad precision on members' own sharing). Two families, each with the real ad of the same
shape that must still be caught:

- a dealer's claim to undersell a whole place — 「全长沙最平…批发…欢迎落单」, 「全港最平…批發…歡迎落單」: no contact, link
  or price, and the shared classifier scores such a line low (it never saw 最平/落单). patterns.yaml ``price_superlative``
  (全 + a place + 最平/最便宜/最低价) and lexicons.yaml ``resale.seller_form`` (欢迎落单, 欢迎下单, 全网最低) make it a seller's
  form: two forms stand alone, one needs company. In every readable set only dealers say it.
- the classifier alone (sure, rule evidence under 0.4) on a member's own used thing — 「我考完了，…教材转给需要的同学，两本一共30，
  私聊」: Moderator._own_used_alone caps the ad score when the message says the thing is the writer's own (and used gear is
  about the group's subject), with no handle, link, seller's or dealer's word, in a group that does not ban trade.

Groups and messages written for these tests (evals/moderation/dev175.jsonl holds the same kinds)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED
from copilot.moderation.pipeline import CLASSIFIER_SURE

GRAIN = """
name: 雅苑小区邻里团购群
positioning: 雅苑小区的业主一起拼单团购水果、生鲜、米面粮油，团长由业主自愿担任，接龙报数、小区东门自提
topics: [团购, 拼单, 接龙, 水果, 生鲜, 米面, 自提, 团长]
audience: 雅苑小区的业主
type: 社区团购
"""

CRAM_TW = """
name: 台北補習班老師交流群
positioning: 台北的補習班老師交流教材、出題、班務管理與家長溝通，分享自己整理的講義和教學心得
topics: [講義, 出題, 教材, 班務, 家長, 鐘點, 模擬考, 學測]
audience: 台北的補習班老師
type: 行业型
platform: line
script: zh-Hant
"""

SAILING_HK = """
name: 西貢帆船同好會
positioning: 西貢一帶玩帆船嘅朋友交流出海、天氣潮汐、繩結技巧、比賽同船會活動，互相提醒安全
topics: [帆船, 出海, 天氣, 潮汐, 繩結, 救生衣, 比賽, 船會]
audience: 西貢玩帆船嘅朋友
type: 兴趣型
platform: whatsapp
script: zh-Hant
"""

CARS = """
name: 武汉车友会
positioning: 武汉车主交流保养、自驾游、洗车和用车问题，组织周末自驾
topics: [保养, 自驾, 洗车, 改装, 轮胎, 保险]
audience: 武汉车主
type: 兴趣型
"""

PHOTO_TW = """
name: 台中攝影同好會
positioning: 台中喜歡攝影的朋友交流風景和人像拍法、器材心得、後製調色，約外拍
topics: [攝影, 相機, 鏡頭, 外拍, 後製, 底片, 人像, 風景]
audience: 台中及中部的攝影愛好者
type: 兴趣型
platform: line
"""

CLIMB = """
name: 周末攀岩约爬群
positioning: 一起去岩馆和野外攀岩的朋友约爬、交流线路、技术和装备
topics: [攀岩, 抱石, 先锋, 岩馆, 线路, 保护]
audience: 攀岩爱好者
type: 兴趣型
"""

NO_TRADE = """
name: 周末攀岩约爬群
positioning: 一起去岩馆和野外攀岩的朋友约爬、交流线路和技术，群内禁止买卖
topics: [攀岩, 抱石, 先锋, 岩馆, 线路, 保护]
audience: 攀岩爱好者
type: 兴趣型
banned: [买卖]
"""

Judge = Callable[[str, str], Verdict]


def _signal(v: Verdict, name: str) -> dict | None:
    return next((s for s in v.checks.get("signals") or [] if s.get("name") == name), None)


@pytest.mark.parametrize(("profile", "text", "said"), [
    (GRAIN, "全长沙最平米面粮油批发，整件起批，欢迎落单", "全长沙最平"),
    (SAILING_HK, "全西貢最平救生衣批發，一箱起，歡迎落單", "全西贡最平"),
    (CRAM_TW, "全台最低價講義印刷，歡迎下單", "全台最低价"),
    (CARS, "轮胎机油批发，全武汉最便宜，欢迎下单", "全武汉最便宜"),
])
def test_a_claim_to_undersell_a_whole_place_is_a_seller_s_form(judge: Judge, profile: str, text: str, said: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    form = _signal(v, "seller_form")
    assert form is not None and any(said in str(w) for w in form["items"]), v.checks.get("signals")


@pytest.mark.parametrize(("profile", "text"), [
    (CARS, "我问了一圈，这家修车铺换机油150，算便宜的了，大家可以去看看"),
    (GRAIN, "上次团的米比超市便宜二十块，这次还团吗"),
    (CRAM_TW, "誠品那本總複習賣480，我覺得全台最貴的就是它了"),
    (SAILING_HK, "我上個月喺旺角買咗件救生衣，九百幾蚊，唔算平"),
])
def test_a_member_s_price_talk_is_no_seller_s_form(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != "ad" and v.action not in ACTED, v.reason
    assert _signal(v, "seller_form") is None, v.checks.get("signals")


@pytest.mark.parametrize(("profile", "text"), [
    (PHOTO_TW, "我換機了，舊的相機鏡頭自用三年，2500轉給需要的朋友，私聊"),
    (CLIMB, "我的安全带用了一年，换新的了，旧的100转给需要的岩友，私聊"),
])
def test_the_classifier_alone_on_a_member_s_own_used_thing_is_no_ad(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    clf = v.checks["classifier"]
    assert clf["ad_prob"] >= CLASSIFIER_SURE and clf.get("alone"), clf  # the classifier alone would have labelled it
    assert v.checks.get("own_used_alone"), v.checks
    assert v.label != "ad" and v.action not in ACTED, v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (PHOTO_TW, "出全新35mm定焦，各品牌都有，量大從優，需要的私聊"),
    (CLIMB, "岩鞋批发，各种码数都有，一双只要199，需要的私我"),
    (CLIMB, "代理进口岩鞋，全新正品，价格美丽，私我"),
])
def test_a_seller_s_line_of_the_same_shape_is_still_an_ad(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert not v.checks.get("own_used_alone"), v.checks


def test_a_group_that_bans_trade_keeps_the_classifier_s_call(judge: Judge) -> None:
    v = judge(NO_TRADE, "我的安全带用了一年，换新的了，旧的100转给需要的岩友，私聊")
    assert not v.checks.get("own_used_alone"), v.checks


def test_used_things_off_the_group_s_subject_keep_the_classifier_s_call(judge: Judge) -> None:
    v = judge(CLIMB, "自用的扫地机器人，九成新，300，需要的私聊")
    assert v.checks["classifier"].get("alone"), v.checks["classifier"]
    assert not v.checks.get("own_used_alone"), v.checks

