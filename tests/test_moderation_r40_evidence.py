"""Round 40, d17b40 (issue 17, qa17r22): ad evidence read the right way both ways. A member reporting someone else's
act (有人在湿地用了诱拍，管理员处理一下) or warning about it names the banned thing without doing it; the group's own
fee paid to its organiser (AA每人40，扫码给老林) is no ad; a landline written without a separator (电话02161234567) is a
contact like one with a hyphen. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import patterns, warns

BIRDS = """
name: 湿地观鸟摄影群
positioning: 周末去湿地公园拍水鸟和林鸟的摄影爱好者，交流长焦、追焦和观鸟礼仪
topics: [观鸟, 拍鸟, 长焦, 追焦, 湿地, 水鸟, 翠鸟, 白鹭, 鸟导]
audience: 业余鸟类摄影爱好者
type: 兴趣型
banned: [诱拍, 掏鸟窝, 推销器材]
"""

ROWERS = """
name: 西湖皮划艇俱乐部
positioning: 周末在湖上划皮划艇，新手带练，场地和器材费AA，老林统一收
topics: [皮划艇, 划桨, 桨频, 救生衣, 湖面, 下水, 带练, 租艇]
audience: 城里的上班族
type: 兴趣型
banned: [推销装备, 发商家广告]
"""


@pytest.mark.parametrize("text", [
    "有人在湿地用了诱拍，拿面包虫引翠鸟，管理员处理一下",
    "管理员看一下吧，有人在群里发掏鸟窝的视频",
    "刚才那个发推销镜头的是不是广告号，踢了吧",
])
def test_a_report_of_someone_elses_act_warns(text: str) -> None:
    assert warns(normalise(text).compact)


@pytest.mark.parametrize("text", [
    "有人要二手长焦吗，九成新，私聊",     # 有人 asks who wants one: an offer, no act of someone else
    "我在湿地拍到一只翠鸟，太开心了",
])
def test_an_offer_or_a_share_is_no_report(text: str) -> None:
    assert not warns(normalise(text).compact)


@pytest.mark.parametrize("text", [
    "有人在湿地用了诱拍，拿面包虫引翠鸟，管理员处理一下",
    "管理员看一下吧，有人在群里发掏鸟窝的视频",
])
def test_a_report_naming_the_banned_thing_is_ok(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BIRDS, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_an_offer_of_the_banned_thing_stays_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BIRDS, "出诱拍用的面包虫，一盒20，保证鸟来，私聊")
    assert v.label == "ad", v.reason


# -- the group's own fee, the share word written twice (AA每人40) ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "周日器材费AA每人40，划完扫码给老林",
    "聚餐包厢AA每人85，扫码给小周，他先垫的",
])
def test_the_groups_fee_with_two_share_words_is_ok(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(ROWERS, text)
    assert v.label == "ok" and v.action == "none", v.reason


# -- a landline with no separator ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    ("报名电话02161234567", "02161234567"),
    ("咨询057186012345", "057186012345"),
    ("订购热线4006012345", "4006012345"),
])
def test_a_landline_without_a_separator_is_read(text: str, found: str) -> None:
    assert patterns().landline.findall(normalise(text).folded) == [found]


@pytest.mark.parametrize("text", [
    "我的订单02161234567怎么查不到",       # an order number
    "序列号0123456789012对一下",           # a longer serial
    "今天是20261202，别忘了签到",          # a date
    "手机13905710001",                     # a mobile number, its own pattern
])
def test_look_alikes_of_a_bare_landline_are_not(text: str) -> None:
    assert patterns().landline.findall(normalise(text).folded) == []


def test_a_course_ad_with_a_bare_landline_is_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ROWERS, "专业皮划艇培训，零基础包教包会，三节课出师，报名电话02161234567")
    assert v.label == "ad" and "座机" in v.reason, v.reason


# -- a rule notice names what is banned; a way to report a breach is no offer ----------------------------------------
PARENTS = """
name: 小星星舞蹈班家长群
positioning: 少儿舞蹈班家长接收上课通知、演出安排和服装费收取，班主任李老师负责
topics: [舞蹈, 上课, 演出, 服装, 考级, 请假, 接送, 排练]
audience: 舞蹈班孩子的家长
type: 其他
banned: [推销课程, 拉人投票, 发商家广告]
"""


@pytest.mark.parametrize("text", [
    "群规提醒：禁止在群里发帮忙砍价、助力的链接，看到直接删",
    "再强调一次，群里不允许拉投票，帮忙投票这类消息请不要发",
])
def test_a_rule_notice_naming_votes_is_no_spam(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(PARENTS, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.parametrize("text", [
    "帮我家孩子投一票吧，群里不允许发链接我就不发了",   # a plea for the writer's own child
    "本群规定：每人转发到三个群，不转的踢出",            # a chain letter dressed as a rule
])
def test_a_plea_or_chain_dressed_as_a_rule_stays_spam(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(PARENTS, text).label == "spam"


def test_a_rule_notice_with_a_way_to_report_is_ok(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PARENTS, "重申一下：本群禁止推销课程，发现的直接私信我或者李老师")
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_course_offered_with_a_rule_word_stays_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PARENTS, "暑假舞蹈集训班只要999，不允许外传，感兴趣的私信我")
    assert v.label == "ad", v.reason


# -- the group's own fee paid to an organiser the profile names ------------------------------------------------------
PADDLERS = ROWERS + """events:
  - {title: 周日湖上划, kind: 线下活动, cadence: 每周日, time: "08:00", place: 西湖码头, host: 老林, details: 器材费AA}
"""


def test_the_fee_paid_to_the_profiles_organiser_is_ok(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PADDLERS, "这周器材费每人35元，微信转老林")
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_course_paid_to_the_organiser_stays_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PADDLERS, "皮划艇训练营每人299元，名额有限，微信转老林报名")
    assert v.label == "ad", v.reason


# -- a pitch dressed as a warning speaks as the shop -----------------------------------------------------------------
def test_a_pitch_dressed_as_a_warning_is_no_warning() -> None:
    assert not warns(normalise("小心买到仿的桨！我家只卖原装，假一赔十，私聊看货").compact)
    assert warns(normalise("小心那家网店卖仿的桨，我买到的桨叶都裂了").compact)


def test_a_pitch_dressed_as_a_warning_stays_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ROWERS, "别被坑了！本店碳纤维桨只要399，正品保证，私聊看货")
    assert v.label == "ad", v.reason
