"""Round 59, d17c59 (issue 17, qa17r43): a chain letter that shouts an alarm (震惊！…立马死亡，转发给所有…) is spam; a
member's swap with several new units on hand (另外我这还有好几台新的) is a dealer's; an invitation to a place the group's
own schedule names is its own doing; reasons that say the message's truth (你们家孩子 is a member's child, not the shop;
a per-unit price 38一袋 is a price; one hand-off to a person, not two). Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import one_handoff
from copilot.moderation.signals import said_prices

AQUARIUM = """
name: 蓝礁海水缸交流群
positioning: 海水缸爱好者交流养鱼、养珊瑚、水质和设备；成员之间可以转让自己的旧设备，水族店、商家不得在群里发广告
topics: [海水缸, 珊瑚, 水质, 小丑鱼, 蛋白分离器]
audience: 养海水缸的爱好者
"""

BIRDING = """
name: 湖畔观鸟小组
positioning: 本地观鸟爱好者约观鸟、认鸟、交流双筒和长焦镜头；成员之间可以转让自己用过的器材，店家、代购不得在群里卖货
topics: [观鸟, 认鸟, 鸟类, 双筒, 长焦]
audience: 本地观鸟爱好者
schedule: ["1月10日 越冬水鸟调查 白鹭洲滩涂集合"]
banned: [商家卖器材, 代购]
"""

STARS = """
name: 西湖区天文观测小组
positioning: 业余天文爱好者交流观测、约拍星空、讨论望远镜和赤道仪，群友之间二手器材可以转让，不许店家卖货
topics: [天文, 观星, 望远镜, 星空摄影, 赤道仪]
schedule: ["12月20日 象限仪流星雨 龙井坞观测点集合"]
"""

VIOLIN = """
name: 弦乐小提琴工作室家长群
positioning: 弦乐小提琴工作室的家长群，老师发课表、练琴要求和演出通知，家长之间交流孩子练琴
topics: [小提琴, 练琴, 音准, 考级, 演出]
audience: 在工作室学琴孩子的家长
products:
  - {name: 小提琴一对一课, price: 260, unit: 节}
"""


@pytest.mark.parametrize("text", [
    "震惊！小丑鱼喂了这个立马死亡，转发给所有养鱼的朋友！！！",
    "震惊！珊瑚碰了这种水当场死亡，看到的转发给所有养缸的朋友",
])
def test_a_chain_letter_that_shouts_an_alarm_is_deleted_as_spam(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(AQUARIUM, text)
    assert v.label == "spam" and v.action == "delete", v.reason
    assert any(s["name"] == "chain_letter" for s in v.checks["signals"]), v.reason


@pytest.mark.parametrize("text", [
    "提醒一下：小丑鱼别喂太多冻虫，水质会变差，大家注意",      # a real tip: no alarm, no spread to all
    "震惊了，我的缸开了三个月硝酸盐终于降下来了",              # the word, about the member's own tank
    "看到一条说海盐致死的消息，我查了是谣言，大家别转了",      # a debunk
])
def test_a_real_tip_or_a_member_s_surprise_is_no_chain_letter(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(AQUARIUM, text)
    assert v.label != "spam", v.reason


@pytest.mark.parametrize("text", [
    "出一个蛋白分离器，450，另外我这还有好几个全新的，要的私我",
    "出一台8x42双筒，用了一年，600，另外我手上还有五台全新的同款，要的私聊",
])
def test_a_swap_with_several_new_units_on_hand_is_a_dealer_s_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(AQUARIUM if "分离器" in text else BIRDING, text)
    assert v.label == "ad", v.reason
    assert any(s["name"] == "seller_form" for s in v.checks["signals"]), v.reason


@pytest.mark.parametrize("text", [
    "出一个用了半年的蛋白分离器，九成新，500自提，要的私我",        # the member's own one
    "出一个蛋白分离器，450，家里还有两个旧的也可以出，要的私我",    # more, but old: still the member's
])
def test_a_member_s_own_swap_is_not_a_dealer_s(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(AQUARIUM, text)
    assert not any(s["name"] == "seller_form" for s in v.checks.get("signals") or []), v.reason
    assert v.action not in ("delete", "warn", "mute", "kick"), v.reason


def test_an_invitation_to_the_place_the_schedule_names_is_the_group_s_own(judge: Callable[[str, str], Verdict]) -> None:
    # the schedule line has no cadence the profile can read, but its place (龙井坞) is still the group's
    v = judge(STARS, "今晚云量少，龙井坞那边透明度不错，有人去拍M42吗")
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", ["周末有人一起去杭州乐园玩吗", "今晚龙井坞那边有人去吃农家乐吗"])
def test_an_outing_elsewhere_or_chatter_at_that_place_is_still_off_topic(judge: Callable[[str, str], Verdict],
                                                                         text: str) -> None:
    v = judge(STARS, text)
    assert v.label == "off_topic", v.reason


def test_sarcasm_at_another_member_s_child_is_not_called_a_complaint_to_the_shop(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(VIOLIN, "你们家孩子拉琴真是让人印象深刻，一开口整个走廊都安静了")
    assert "抱怨" not in v.reason and not v.checks.get("shop_complaint"), v.reason


@pytest.mark.parametrize("text,price", [
    ("我朋友做儿童松香，45一盒，有需要的家长私我", "45"),
    ("星空摄影后期一对一教学，399包教会，需要的朋友私我", "399"),
    ("纯肉宠物零食，38一袋，有兴趣的可以私我", "38"),
])
def test_a_per_unit_or_course_price_is_read_as_a_price(text: str, price: str) -> None:
    assert price in said_prices(normalise(text).folded)


def test_a_soft_pitch_with_a_price_is_not_said_to_have_none(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(VIOLIN, "我朋友做儿童松香和琴弦，进口的，45一盒，有需要的家长私我")
    assert v.label == "ad", v.reason
    assert "没有联系方式、价格" not in v.reason and "转让自己的东西" not in v.reason, v.reason
    assert v.reason.count("交人工判断") <= 1, v.reason


def test_one_hand_off_per_reason() -> None:
    parts = ["引导私下联系：私我", "与群主题相关，只有“私我”和一般用语，可能是成员分享，交人工判断",
             "只有分类器觉得像广告，可能是成员的普通分享或通知，交人工判断"]
    out = one_handoff(parts)
    assert "；".join(out).count("交人工判断") == 1 and out[-1].endswith("交人工判断")
    assert one_handoff(["a，交人工判断"]) == ["a，交人工判断"]
