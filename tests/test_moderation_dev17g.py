"""Round 30, dev17g (issue 17): the group's own paid event or product in its own group is not an ad while a third
party's offer stays one; a profile's banned trade offered without its word is a banned deal; a bare 私我 beside a
seller's word is deleted; contempt without swear words is labelled abuse; an invitation to an outing the group does not
do is off-topic for review; a seller's "我不是骗子" does not read as a warning."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator

STUDIO = """
name: 泥趣陶艺工作室顾客群
positioning: 陶艺工作室自己的企业微信顾客群，工作室发布新课、会员日优惠、到店体验和烧窑进度；学员交流拉坯和上釉；其他工作室招生和商家广告不允许
topics: [陶艺, 拉坯, 上釉, 烧窑, 作品, 课程, 会员日]
audience: 工作室学员和顾客
products:
  - {name: 手捏亲子课, price: 238, unit: 组}
events:
  - {title: 周六柴烧开窑日, kind: 活动, cadence: 每月最后一个周六, place: 工作室后院, details: 每人45元含茶点}
"""

BIRDS = """
name: 西溪湿地观鸟同好
positioning: 观鸟爱好者交流鸟种识别、观测点和拍鸟礼仪，群友可以转让自用的望远镜；野生鸟买卖、诱拍和放生不允许
topics: [观鸟, 鸟种, 识别, 望远镜, 湿地, 候鸟, 拍鸟]
audience: 观鸟爱好者
banned: [野生鸟买卖, 诱拍, 放生]
"""

CATS = """
name: 滨江猫奴互助群
positioning: 养猫的邻居交流喂养、驱虫、绝育和猫粮猫砂选择；商家推广不允许
topics: [猫粮, 猫砂, 驱虫, 绝育, 疫苗, 喂养]
audience: 小区养猫的邻居
"""

BRUSH = """
name: 银龄书法班
positioning: 老年大学书法班学员交流临帖、笔墨纸砚和作业点评，老师发布上课通知
topics: [书法, 临帖, 楷书, 行书, 毛笔, 宣纸, 作业点评]
audience: 退休学员
"""

HIKE = """
name: 周末徒步小队
positioning: 周末组织城市周边徒步登山，交流线路、装备和安全
topics: [徒步, 登山, 线路, 装备, 登山杖, 补给]
audience: 户外爱好者
"""

MOOT = """
name: 法学院模拟法庭队
positioning: 模拟法庭队员讨论案情、诉状、庭审陈述和比赛复盘；商业推广和代写不允许
topics: [模拟法庭, 诉状, 庭审, 陈述, 质证, 复盘, 比赛]
audience: 法学院学生
"""


@pytest.mark.parametrize("text", [
    "本月柴烧开窑日还有6个位置，每人45元，到店扫码付款就行",   # the event's own price, as the profile states it
    "手捏亲子课这周六还剩两组，每组238，扫码预约",               # the profile's product by name
    "会员日优惠：本周新课上线，到店体验扫码报名",                  # what the positioning says the studio posts
])
def test_the_groups_own_offer_in_its_own_group_is_not_an_ad(profile_moderator: Callable[[str], Moderator],
                                                              text: str) -> None:
    v = profile_moderator(STUDIO).moderate({"id": "o", "user": "staff", "text": text})
    assert v.label == "ok", v.reason
    assert v.action == "none", v.reason


@pytest.mark.parametrize("text", [
    "隔壁新开的陶艺馆手捏亲子课只要99，扫码抢购",        # another business, named as such
    "楼下奶茶店新品会员日第二杯半价，扫码下单",           # another venue
    "会员日优惠新课，加我微信 13957712468 预订",          # a handle: not how the group's own offer is made
])
def test_a_third_partys_offer_stays_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(STUDIO).moderate({"id": "t", "user": "u9", "text": text})
    assert v.label == "ad", v.reason


@pytest.mark.parametrize("text", [
    "出两只画眉 都是山上抓的 叫口好 价格好说",
    "有要绣眼的吗 刚抓来的 数量不多 需要的朋友可以私聊",
])
def test_a_banned_trade_offered_without_its_word_is_deleted(profile_moderator: Callable[[str], Moderator],
                                                              text: str) -> None:
    v = profile_moderator(BIRDS).moderate({"id": "b", "user": "u2", "text": text})
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason
    assert "野生鸟买卖" in v.reason, v.reason


@pytest.mark.parametrize("text", [
    "今天在湿地看到一只画眉，应该是山上的飞下来的",   # a sighting: the paraphrase with no trade
    "提醒大家，群里禁止野生鸟买卖，看到山上抓的鸟别买",  # the rule restated
    "自用的双筒望远镜转让，八成新，500，私聊",          # the resale the profile allows
])
def test_the_banned_items_paraphrase_without_a_trade_is_not_an_ad(profile_moderator: Callable[[str], Moderator],
                                                                   text: str) -> None:
    v = profile_moderator(BIRDS).moderate({"id": "n", "user": "u3", "text": text})
    assert v.label != "ad", v.reason


@pytest.mark.parametrize("text", [
    "进口猫粮工厂直发，比宠物店便宜三成，要的私我",
    "猫砂源头厂家，需要的滴滴我",
])
def test_a_bare_private_invitation_beside_a_sellers_word_is_deleted(profile_moderator: Callable[[str], Moderator],
                                                                     text: str) -> None:
    v = profile_moderator(CATS).moderate({"id": "s", "user": "u4", "text": text})
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason


def test_a_members_private_invitation_for_a_link_is_at_most_reviewed(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CATS).moderate({"id": "m", "user": "u5", "text": "我家猫吃的这款冻干挺好，想要链接的私我"})
    assert v.action in ("none", "review"), v.reason


@pytest.mark.parametrize("text", [
    "连诉状格式都没看懂，脑子呢？",
    "问这种问题，脑子是个好东西，希望你也有",
    "就这水平还想当主辩？回去读书吧",
    # a contempt form the abuse model only leans towards (0.44): round 35 (dev17y) three attack cues (就这水平 counts two,
    # 这水平 one) lower the model's floor to 0.4 — labelled for review, never acted on
    "就这水平还想上庭陈述",
])
def test_contempt_without_swear_words_is_abuse_for_review(profile_moderator: Callable[[str], Moderator],
                                                          text: str) -> None:
    v = profile_moderator(MOOT).moderate({"id": "a", "user": "u6", "text": text})
    assert v.label == "abuse", v.reason
    # round 31 (dev17j): a contempt form the abuse model is sure of (>= 0.9) is acted on; otherwise a person decides
    assert v.action == ("warn" if v.checks["abuse_model"] >= 0.9 else "review"), v.reason


@pytest.mark.parametrize("text", ["我不同意这个陈述思路，质证部分的证据链站不住脚", "这次复盘我觉得庭审节奏太慢了"])
def test_heated_but_civil_disagreement_is_not_abuse(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(MOOT).moderate({"id": "c", "user": "u7", "text": text})
    assert v.label != "abuse", v.reason


@pytest.mark.parametrize("text", ["周末一起去吃烧烤吗", "下班了有没有人一起去唱歌"])
def test_an_invitation_to_an_outing_the_group_does_not_do_is_off_topic(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    # by rule (an invitation and an outing no word of the profile names), whatever the chatter model says; a
    # reminder only where the model is sure and a chatter word backs it (唱歌), as for any chatter
    v = profile_moderator(BRUSH).moderate({"id": "i", "user": "u8", "text": text})
    assert v.label == "off_topic", v.reason
    assert v.action in ("review", "remind"), v.reason


def test_the_groups_own_outing_is_not_off_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(HIKE).moderate({"id": "h", "user": "u1", "text": "周末有没有人一起去爬山"})
    assert v.label == "ok", v.reason


def test_a_sellers_reassurance_is_not_a_warning(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CATS).moderate({"id": "w", "user": "u0",
                                          "text": "在家兼职 月入过万 绝对不是骗子 感兴趣的评论区扣1"})
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason


def test_a_real_warning_still_is_one(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CATS).moderate({"id": "r", "user": "u11",
                                          "text": "大家小心，有人冒充群主私聊卖猫粮，是骗子，别转账"})
    assert v.action in ("none", "review"), v.reason


@pytest.mark.parametrize("text", ["", "   ", "🏺🏺🏺", "￥￥￥扫码"])
def test_bad_input_in_the_shops_group_never_raises(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(STUDIO).moderate({"id": "x", "user": "u12", "text": text})
    assert v.label in ("ok", "ad", "spam", "off_topic", "abuse")


HANFU = """
name: 苏州汉服同袍会
positioning: 汉服同袍交流穿搭、发型和拍照，组织外拍；同袍可以出自己穿过的汉服
topics: [汉服, 穿搭, 发型, 外拍]
audience: 汉服爱好者
"""


@pytest.mark.parametrize(("text", "label"), [
    ("今天穿明制袄裙去上班，同事都说好看", "ok"),      # a 形制 the profile does not name: the hanfu domain's word
    ("今天上班又被老板骂了，好烦", "off_topic"),         # the same life word with nothing of the group in it
])
def test_a_hanfu_groups_own_words_tie_a_message_the_profile_does_not_name(
        profile_moderator: Callable[[str], Moderator], text: str, label: str) -> None:
    v = profile_moderator(HANFU).moderate({"id": "f", "user": "u13", "text": text})
    assert v.label == label, v.reason
