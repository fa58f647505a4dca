"""Round 32, dev17l (issue 17): qa17r9's failure classes, fixed by method. Who the members are and where they meet
(an audience or place word of the profile) does not make a message on-topic by itself; insults without swear
words aimed at a person are abuse, never answered with a chatter reply; ads in a group's own theme, pirated copies
under another name, spaced-out handles and quoted reply codes; members' cost tips, swaps and buyer's questions; chain
letters with a link. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

KAYAK = """
name: 西溪皮划艇俱乐部
positioning: 杭州喜欢划皮划艇和桨板的大人小孩一起练划桨、学自救、约周末划行，交流船桨和救生衣的选购保养
topics: [皮划艇, 桨板, 划桨, 救生衣, 翻船自救, 划行路线]
audience: 杭州西溪一带的水上运动爱好者和带孩子的家庭
locality: 杭州·留下镇
events:
  - title: 周日湿地划行
    kind: 线下活动
    cadence: 每周日
    time: "09:00"
    place: 西溪湿地公园周家村码头
    host: 老岳
    signup: 群接龙
    details: 新手先在码头练半小时；风大或下暴雨取消，早上7点群里通知；必须穿救生衣。
"""

CHICKENS = """
name: 散养土鸡交流群
positioning: 业余养土鸡的鸡友交流孵化、育雏、防疫和鸡舍搭建；鸡友可以交换种蛋
topics: [土鸡, 孵化, 育雏, 鸡舍, 防疫, 种蛋]
audience: 在农村老家或城郊院子里散养几只到几十只鸡的业余鸡友
"""


# -- audience and place words back up a topic, they are no topic themselves ----------------------------------------
# WANTED, NOT SHIPPED: round 32's rule for this (an audience/place word counts only beside the group's domain object)
# raised locked off-topic F1 .913 -> .923 but lowered the blind split .745 -> .724 — three more ordinary members'
# messages called off-topic there, no more off-topic caught — so it was taken out; a narrower reading is still owed.
_OWED = pytest.mark.xfail(strict=True, reason="audience/place words still make a message on-topic alone (rule reverted)")


@pytest.mark.parametrize("profile, text", [
    # 孩子 of 带孩子的家庭 (the audience): fixed in round 36 (dev17z) — a family word (who_words) ties only as a whole
    # word of the group's subject (name, positioning, topics), not of its audience
    (KAYAK, "孩子最近老咳嗽 去医院查了说是支原体 大家家里有没有"),
    (KAYAK, "留下镇那边房价最近跌了 有人在看房吗"),                        # 留下镇 of the locality (房价: chatter)
    # 公园 of the event's place beside a chatter word (房价): fixed in round 33 (dev17q) by the narrower reading —
    # a word only the events' places give does not make the talk on-topic beside a chatter word
    (KAYAK, "公园旁边的楼盘开盘了 均价四万多 房价是不是要涨了"),
    pytest.param(CHICKENS, "农村现在办养老保险一年交多少 我爸让我问问", marks=_OWED),  # 农村 of the audience
])
def test_an_audience_or_place_word_alone_does_not_make_it_on_topic(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "off_topic", v.reason


@pytest.mark.parametrize("profile, text", [
    (KAYAK, "周日我带孩子来 第一次划 救生衣需要自己带吗"),              # 孩子 beside the topic
    (KAYAK, "周家村码头那边停车方便吗 周日第一次去"),                      # the event's own place, rarer than 公园
    (CHICKENS, "老家院子里的鸡开始啄毛了 是不是缺盐 怎么办"),             # 老家 beside the domain object 鸡
    (CHICKENS, "城郊冬天鸡舍要不要加灯 产蛋少了"),
])
def test_an_audience_or_place_word_beside_the_groups_subject_stays_on_topic(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


# -- insults without swear words: a put-down by its form and a target ---------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (KAYAK, "桨都拿反了还来凑啥热闹 回家玩沙子去吧"),                         # sent away to a child's pastime
    (CHICKENS, "群里有的人天天问孵化温度 长没长脑子啊 置顶都不看"),           # 有的人 + 长没长脑子
])
def test_a_put_down_by_its_form_is_abuse_and_acted_on(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "abuse" and v.action == "warn", v.reason
    assert "说到" not in (v.reply or "")


def test_a_member_shunned_in_the_third_person_is_abuse_never_a_chatter_reply(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(KAYAK, "那个总迟到的大哥真是猪队友 全程划水 下次谁跟他一条船谁倒霉")
    assert v.label == "abuse" and v.action == "review", v.reason
    assert v.reply is None


def test_chatter_about_a_person_is_not_answered_in_public(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(KAYAK, "那个卖衣服的大姐昨天在商场跟人吵起来了 笑死")
    assert v.label == "off_topic" and v.action == "review" and v.reply is None, v.reason
    assert "话里在说某个人" in v.reason
    # the same chatter about nobody is still reminded
    v = judge(KAYAK, "昨天商场衣服打折 买了三件 太划算了")
    assert v.label == "off_topic", v.reason


@pytest.mark.parametrize("profile, text", [
    (KAYAK, "那个穿蓝色救生衣的大哥划得真好 下次想跟他学学转向"),             # praise of a member in the third person
    (KAYAK, "有些人说周日会下雨 还划吗"),                                     # 有些人 reporting, no put-down
    (KAYAK, "周日回家玩了一下午桨板 孩子开心坏了"),                           # 回家玩 without sending anyone away
    (CHICKENS, "有的人说冬天鸡舍要加灯 有的人说不用 到底听谁的"),
])
def test_talk_about_members_without_a_put_down_stays_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


ERHU = """
name: 二胡爱好者交流群
positioning: 业余拉二胡的朋友交流练琴、换弦、松香和曲谱，成员可以转让自己的闲置二胡和正版曲谱
topics: [二胡, 换弦, 松香, 曲谱, 指法, 揉弦]
audience: 各地业余二胡爱好者
banned: [盗版曲谱买卖, 卖琴广告]
"""


# -- ads the group's rules or its disguises give away ---------------------------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (KAYAK, "救生衣批发 全网最低价 加 k a y a k 8 8 6"),                   # a handle spelled apart, no label
    (KAYAK, "威❤️信 p a d d l e 6 6 桨板 工厂直发"),                         # hearts inside 威信
    (CHICKENS, "在家养鸡也能月入过万 每天一小时 回复“鸡”我拉你进学习群"),     # a quoted reply code
])
def test_disguised_handles_and_quoted_reply_codes_are_deleted(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_pirated_copy_under_another_name_is_deleted_citing_the_rule(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ERHU, "手上有一批考级曲谱的高仿本 跟正版一模一样 价格只要一半 开店的朋友可以了解下")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "群规禁止盗版曲谱买卖" in v.reason


@pytest.mark.parametrize("profile, text", [
    (ERHU, "群规说了别买高仿本 大家注意"),                                     # the rule restated
    (ERHU, "我买的正版曲谱 跟书店里的一模一样 就是贵了点"),                    # a member's own copy
    (KAYAK, "周日划行的接龙 看到的回复“收到”就行"),                          # a quoted reply to the organiser
    (KAYAK, "周日 9 点 在 3 号 码 头 集合"),                                   # digits spaced apart, no handle
])
def test_the_same_words_without_an_offer_stay_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


# a paddle club whose members may pass on their own boards, and whose own outing has a fee
PADDLE = """
name: 钱塘桨板同好会
positioning: 杭州桨板爱好者约周末划行、交流划桨技术和安全；成员可以转让自己的闲置桨板
topics: [桨板, 划桨, 划行, 救生衣, 脚绳]
audience: 杭州的桨板爱好者
events:
  - title: 周日江边划行
    kind: 线下活动
    cadence: 每周日
    place: 钱塘江边码头
    signup: 扫码报名
    details: 每人50元含保险和教练，扫群公告里的二维码报名。
"""


@pytest.mark.parametrize("profile, text", [
    (PADDLE, "钱塘江亲子桨板营 周末带娃划桨板+露营 一大一小399 扫码报名👇 [二维码图片]"),
    (ERHU, "暑期二胡集训营 名师授课 一周880 扫码报名 [二维码图片]"),
])
def test_an_outside_organisers_paid_event_on_the_groups_theme_is_an_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action == "delete", v.reason


def test_the_groups_own_paid_event_stays_ok(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PADDLE, "周日江边划行还有3个名额 每人50元 扫码报名")
    assert v.label == "ok" and v.action == "none", v.reason


# -- a chain letter with a link is deleted, not only reminded -------------------------------------------------------
def test_a_chain_letter_with_a_link_is_deleted_with_a_reminder(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CHICKENS, "转发这条消息到5个群 就能领取100元养鸡补贴 我已经领到了 👉 http://bt.yjz.cc/get?u=3")
    assert v.label == "spam" and v.action == "delete", v.reason
    assert v.reply and "转发" in v.reply


def test_a_chain_letter_without_a_link_is_deleted_too(judge: Callable[[str, str], Verdict]) -> None:
    # round 40 (issue 17): every chain letter is deleted the first time (spam_kinds.yaml chain), link or not
    v = judge(CHICKENS, "转发这条消息到5个群 就能领取100元养鸡补贴 我已经领到了 不转的明年鸡瘟")
    assert v.label == "spam" and v.action == "delete", v.reason


# -- members' own sharing that read like ads ------------------------------------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (ERHU, "分享一个自制松香盒的做法 免费的 B站这个视频 https://www.bilibili.com/video/BV9kq4y1 材料费才10块钱"),
    (CHICKENS, "自家的芦花鸡种蛋想跟鸡友换点乌鸡种蛋 有兴趣的私聊 不卖 只换"),            # the profile allows swaps
    (PADDLE, "买了个拼多多199的充气桨板 https://mobile.yangkeduo.com/goods.html?goods_id=92 有点漏气 "
             "大家一般多少钱能买到好点的"),                                              # a buyer's question
])
def test_a_members_cost_tip_swap_or_buyers_question_is_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.parametrize("profile, text", [
    (ERHU, "自制松香盒 成本价出 30元一个 全国包邮 私聊"),
    (CHICKENS, "芦花鸡种蛋 5元一枚 全国包邮 量大从优 私聊"),
])
def test_the_same_things_offered_for_sale_stay_ads(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason


# -- a wanted post is the group's business by what it wants, not by the permission to pass things on ---------------
def test_wanting_to_buy_an_unrelated_thing_is_not_the_groups_allowed_trade(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ERHU, "谁有多余的上海迪士尼门票 我想买两张 原价就行")
    assert v.label == "off_topic", v.reason
    assert "群档案允许成员转让" not in v.reason
    v = judge(ERHU, "谁有闲置的练习二胡 我想买一把 原价就行")
    assert v.label == "ok" and v.action == "none", v.reason


# -- a two-character topic said with its parts apart is still the topic ---------------------------------------------
def test_a_topic_verb_object_said_apart_is_on_topic(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ERHU, "昨天刚换了根弦 今天又断了 气死我了 哈哈哈")
    assert v.label == "ok" and v.action == "none", v.reason
    assert v.checks["offtopic"]["relevant"] == ["换了根弦"], v.checks["offtopic"]
    # the two characters far apart in other words are no topic
    v = judge(ERHU, "换个新手机 弦乐团的群也退了")
    relevant = v.checks.get("offtopic", {}).get("relevant") or []
    assert not any(w.startswith("换") and w.endswith("弦") for w in relevant), relevant
