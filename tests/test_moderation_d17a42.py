"""Round 42 (issue 17, d17a42): a member's ride or errand offered with their own id is no ad; a driver who carries
passengers for a living still is; Cantonese and Taiwanese forms of chain letters, like-begging and relatives' shops."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

HIKING = """
name: 周末登山徒步群
positioning: 周末结伴登山徒步，交流路线、装备和安全，每月组织一次郊外徒步
topics: [徒步, 登山, 路线, 装备, 登山杖, 冲锋衣, 补给, 露营]
audience: 城里喜欢户外的上班族
events:
  - {title: 月度徒步, kind: 线下活动, cadence: 每月第三个周日, time: "07:00", place: 北门地铁站集合}
"""


@pytest.mark.parametrize("text", [
    "下周日去青城山后山，我车上还能坐两个，想蹭车的加我微信 hike_lu2019 油钱平摊",
    "周六早上我从城东出发，顺路的话可以捎一个人，微信 xiaozhou_trek 说一声",
    "有没有人周日回城的时候车上有空位？我脚崴了想搭个车，我微信 ankle_88",
])
def test_a_members_ride_with_their_own_id_is_not_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(HIKING).moderate({"id": "1", "user": "m1", "text": text})
    assert v.label == "ok", v.reason
    assert v.action not in ACTED
    assert "顺路捎人、拼车" in v.reason


@pytest.mark.parametrize("text", [
    "顺风车专线，每天往返市区和景区，随叫随到，拼车一位三十，加微信 shunfeng_cd88",
    "包车去四姑娘山，七座商务车，接送服务，报价私聊，电话13912345678",
])
def test_a_driver_for_hire_is_still_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(HIKING).moderate({"id": "1", "user": "m2", "text": text})
    assert v.label == "ad", v.reason


CAKES = """
name: 街坊焗蛋糕群
positioning: 街坊喺屋企焗蛋糕、麵包同曲奇，交流配方同焗爐溫度
topics: [蛋糕, 麵包, 曲奇, 焗爐, 配方, 發酵]
audience: 廣州街坊
"""


@pytest.mark.parametrize(("text", "label", "acted"), [
    ("網上話豆漿機會爆炸，即刻轉發俾你屋企人，唔轉就係唔理佢哋", "spam", True),   # Cantonese chain letter
    ("幫手投下票，我個仔參加朗誦比賽 http://vt.example.cn/r8", "spam", True),      # Cantonese vote link
    ("拜託大家幫我按個讚 我臉書第一則 謝謝", "spam", True),                        # Taiwan Mandarin like-begging
    ("我家姐喺天河開咗間美甲舖，報我個名有八折", "ad", True),                      # 报我名 + a discount: deleted since d17e42
])
def test_dialect_forms_reach_the_spam_and_ad_cues(profile_moderator: Callable[[str], Moderator], text: str,
                                                  label: str, acted: bool) -> None:
    v = profile_moderator(CAKES).moderate({"id": "1", "user": "m3", "text": text})
    assert v.label == label, v.reason
    assert (v.action in ACTED) is acted, v.action


@pytest.mark.parametrize("text", [
    "聽日我屋企人嚟食飯，焗咗個芝士蛋糕",
    "我細佬話呢個戚風配方好好食，唔使咁多糖",
    "幫手睇下我個麵包點解唔發",
])
def test_cantonese_talk_with_the_same_words_stays_ok(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(CAKES).moderate({"id": "1", "user": "m4", "text": text})
    assert v.label == "ok", v.reason


NEIGHBOURS = """
name: 南湖新村邻里互助群
positioning: 南湖新村住户互相帮忙：找师傅、借工具、捎东西、失物招领，禁止商家广告
topics: [互助, 维修, 师傅, 借, 失物招领, 停水, 停电, 邻居]
audience: 南湖新村的住户
type: 其他
banned: [商家广告, 中介]
"""


def test_a_number_given_in_answer_to_a_members_request_is_not_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(NEIGHBOURS)
    mod.moderate({"id": "1", "user": "a", "text": "谁认识会修热水器的师傅？洗澡洗到一半没热水了", "ts": 1_000.0})
    v = mod.moderate({"id": "2", "user": "b", "text": "找小区门口的黄师傅，修热水器很熟，电话13577001234，说是南湖新村的", "ts": 1_060.0})
    assert v.label == "ok", v.reason
    assert "求助" in v.reason


def test_the_same_number_without_a_request_or_from_a_seller_is_still_judged(
        profile_moderator: Callable[[str], Moderator]) -> None:
    alone = profile_moderator(NEIGHBOURS).moderate(
        {"id": "1", "user": "b", "text": "找小区门口的黄师傅，修热水器很熟，电话13577001234，说是南湖新村的", "ts": 1_060.0})
    assert alone.label == "ad", alone.reason  # no request before it: the number alone is left to a person
    mod = profile_moderator(NEIGHBOURS)
    mod.moderate({"id": "1", "user": "a", "text": "谁认识会修热水器的师傅？洗澡洗到一半没热水了", "ts": 1_000.0})
    seller = mod.moderate({"id": "2", "user": "c", "text": "本人专业维修热水器燃气灶，上门快价格低，电话13577005678",
                           "ts": 1_030.0})
    assert seller.label == "ad" and seller.action in ACTED, seller.reason
    late = mod.moderate({"id": "3", "user": "d", "text": "修热水器找黄师傅，电话13577001234", "ts": 1_000.0 + 3_600})
    assert late.label == "ad", late.reason  # an hour later the request is no longer open


def test_a_bare_card_after_a_request_is_no_members_word_of_mouth(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(NEIGHBOURS)
    mod.moderate({"id": "1", "user": "a", "text": "谁认识会修热水器的师傅？洗澡洗到一半没热水了", "ts": 1_000.0})
    v = mod.moderate({"id": "2", "user": "c", "text": "热水器维修 13577009999", "ts": 1_040.0})
    assert v.label == "ad", v.reason  # nothing says how the writer knows whom they name: left to a person


def test_a_reason_quotes_the_dialect_words_the_member_wrote(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CAKES).moderate({"id": "1", "user": "m5", "text": "網上話豆漿機會爆炸，即刻轉發俾你屋企人，唔轉就係唔理佢哋"})
    assert v.label == "spam", v.reason
    assert "屋企人" in v.reason and "家人" not in v.reason.replace("屋企人", "")
