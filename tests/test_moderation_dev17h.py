"""Round 30, dev17h (issue 17): handles spelled one letter apart, hoax chain letters without the "不转…倒霉" formula,
助力/红包 pleas for the writer's own benefit, reply bait that pulls repliers into a group, a QR code on the sender's
own profile, a member's one shop page with a price (review, never delete), and a life word beside a word the profile
does not know (review, never a public reminder)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.offtopic import unknown_nouns

QIPAO = """
name: 沪上旗袍雅集
positioning: 喜欢旗袍的姐妹交流款式、面料、盘扣和穿搭，组织茶会和外拍；成员可以转让自己穿过的旗袍
topics: [旗袍, 面料, 盘扣, 穿搭, 外拍, 茶会]
audience: 喜欢旗袍的女士
"""

TORTOISE = """
name: 陆龟饲养交流群
positioning: 陆龟饲养者交流喂食、温湿度、晒背和疾病，成员可以转让自己的二手饲养箱；禁止野生个体买卖和保护动物交易
topics: [陆龟, 喂食, 温湿度, 晒背, 饲养箱, 疾病]
audience: 陆龟饲养爱好者
"""

BIRDING = """
name: 城市观鸟记录群
positioning: 观鸟爱好者交流鸟种辨认、观鸟点和望远镜，分享记录；禁止捕鸟和鸟类买卖
topics: [观鸟, 鸟种, 辨认, 望远镜, 记录, 观鸟点]
audience: 观鸟爱好者
"""



# -- C: handles spelled one letter apart, ➕🛰 ---------------------------------------------------------------------
@pytest.mark.parametrize("text, handle", [
    ("🈶️需要陆龟饲养箱的吗 全新厂家直销 ➕🛰️ l u g u i 6 6 6", "lugui666"),
    ("有需要望远镜的吗 厂家直销 ➕🛰️ g u a n n i a o 2 0 2 5", "guanniao2025"),
])
def test_a_handle_spelled_one_letter_apart_after_a_satellite_is_a_deleted_ad(
        judge: Callable[[str, str], Verdict], text: str, handle: str) -> None:
    v = judge(TORTOISE, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert handle in v.reason, v.reason


def test_spaced_letters_are_an_evasion_but_a_satellite_alone_is_only_a_word() -> None:
    assert "逐字隔开" in normalise("加我 x i a o m e i 9 9").evasions
    assert normalise("➕🛰 abc123").compact.startswith("加微信")
    # an astronomy group talks about satellites: no 加 before it, no handle
    n = normalise("今晚🛰️过境 大家看到了吗")
    assert "微信" not in n.compact and not n.evasions
    # a multiple-choice question is not a spelled handle (fewer than six letters apart)
    assert not normalise("选 A B C D 哪个对").evasions


# -- F: hoax chain letters, pleas for the writer's own benefit ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "请把这条转给所有好友 微信下个月开始收费 转发满8个群头像会变金色就免费",
    "转发给你所有的亲友 科学家说明天中午太阳会消失三分钟",
    "转给十个好友 今晚零点以后手机会自动关机",
])
def test_a_hoax_chain_letter_without_a_curse_is_spam_and_deleted(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    # the profile allows members to pass on their own qipao: 转给 is not a resale here. A hoax is deleted the first
    # time (round 40, spam_kinds.yaml chain): a reminder leaves it for the next reader to believe
    v = judge(QIPAO, text)
    assert v.label == "spam" and v.action == "delete", v.reason


@pytest.mark.parametrize("text", [
    "我把上次茶会的照片转给所有好友了 大家都说好看",
    "这件旗袍我穿了两次 转给需要的姐妹 180包邮",
])
def test_passing_things_on_to_friends_is_not_a_chain_letter(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(QIPAO, text)
    assert v.label != "spam", v.reason


@pytest.mark.parametrize("text", ["帮我在拼多多助力一下 谢谢大家", "帮我点一下红包 谢谢各位", "麻烦大家帮我家孩子投一票"])
def test_a_plea_for_the_writers_own_benefit_is_reminded_not_only_reviewed(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(TORTOISE, text)
    assert v.label == "spam" and v.action == "remind", v.reason


def test_a_poll_the_group_holds_is_still_not_spam(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BIRDING, "下周观鸟点二选一 大家在群投票里投一票 每人一票")
    assert v.label != "spam", v.reason


# -- C: reply bait and a QR code on the sender's profile -----------------------------------------------------------
@pytest.mark.parametrize("text", ["想要冷冻乳鼠的扣个1 我拉你", "免费领龟粮 扫我朋友圈的码", "要龟粮试吃装的 扫我头像的码领"])
def test_reply_bait_and_a_profile_qr_are_ads_not_chatter(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(TORTOISE, text)
    assert v.label == "ad", v.reason


def test_a_member_pulling_a_friend_up_is_not_bait(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BIRDING, "你在湿地公园东门等我 我拉你进观鸟点的小路")
    assert v.label != "ad", v.reason


# -- ha02: a member's shop page with a price -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "这家店的新款上架了 是正品 价格在349 链接 https://item.taobao.com/item.htm?id=6612345",
    "这家的新品到了 价格在129 链接 https://item.jd.com/100023456.html",
])
def test_one_shop_page_and_a_price_is_reviewed_never_deleted(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(QIPAO, text)
    assert v.action in ("none", "review"), v.reason


@pytest.mark.parametrize("text", [
    "新款上架 349 https://item.taobao.com/item.htm?id=6612345 加微信 qipao8899 领券",
    "新款上架 价格349 https://item.taobao.com/item.htm?id=6612345 想要的扣1 私你",
    "新款上架 价格349 https://m.tb.cn/h.5xYzAbC",
])
def test_a_shop_page_with_a_handle_bait_or_shortener_is_still_deleted(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(QIPAO, text)
    assert v.label == "ad", v.reason
    assert not v.checks.get("shop_link_only"), v.reason


# -- A: a life word beside a word the profile does not know ----------------------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (QIPAO, "今天穿海派改良款去上班 同事都夸好看"),
    (QIPAO, "今天穿宋制去上班 同事都说好看"),
    (BIRDING, "今天去上班路上看到一只戴胜 好开心"),
])
def test_a_life_word_beside_an_unknown_noun_is_never_a_public_reminder(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.action in ("none", "review"), v.reason


@pytest.mark.parametrize("text", ["今天上班被老板骂了 好烦", "昨晚的球赛你们看了吗 太精彩了", "今天股票又跌了 亏麻了"])
def test_plain_chatter_is_still_reminded(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(QIPAO, text)
    assert v.label == "off_topic" and v.action == "remind", v.reason


def test_unknown_nouns_are_rare_nouns_not_common_words_or_bad_input() -> None:
    assert "戴胜" in unknown_nouns("今天去上班路上看到一只戴胜")
    assert unknown_nouns("今天上班被老板骂了 好烦") == []
    assert unknown_nouns("太精彩了") == []  # 太 + 精彩: made of a common word
    assert unknown_nouns("今天股票又跌了 亏麻了") == []  # a new word before 了 is a predicate
    assert unknown_nouns("哪家修手机的靠谱") == []  # 靠谱: our chat corpora use it
    assert unknown_nouns("看到一只戴胜", {"戴胜"}) == []
    assert unknown_nouns("") == [] and unknown_nouns("🙂🙂 123 abc") == []
