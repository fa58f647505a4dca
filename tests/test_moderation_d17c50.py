"""Round 50, d17c50 (issue 17): a member's own one-off sale, carpool or lost bird with a contact is not deleted.

- A Hong Kong (or Taiwan, Malaysian) mobile is counted by the landline signal, not the contact signal: a member's own
  one-off sale with such a number was never read as settled by one handle, so contact + price deleted it
  (pipeline._own_sale_handle, _handle_count: each number once, whichever signal found it).
- A delete that rests on a contact and a single price (the shape of a member's own one-off sale as much as of an ad)
  gives a soft strike (evidence.yaml soft_prices, pipeline._soft): nobody reviewed it, so it does not put the member on
  trial for the next message. A price list (two prices or more), or the ad model calling it an ad, keeps it hard.
- Cantonese 用唔晒 is read as 用不完 (a member's surplus), 用不着 / 换新的了 as the sender's own gear replaced.
- A bird that did not come home or came down at someone's loft is a lost-and-found notice; 还剩一个座 is a ride's seat.
Groups and messages written for these tests (a Sha Tin woodworking club, a Dingzhou racing-pigeon club)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import audited_moderator, say

from copilot.moderation import Moderator
from copilot.moderation.labels import Action
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import _handle_count
from copilot.moderation.signals import detect

WOOD = """
name: 沙田木工同好
positioning: 沙田一帶業餘木工愛好者交流榫卯、刨削同打磨，每月尾個星期日喺火炭工場開放；會友之間可以轉讓自己用過嘅工具同木料，商家推銷、代購唔好發
topics: [木工, 榫卯, 刨, 鑿, 鋸, 砂紙, 木料, 夾具, 工場, 打磨]
audience: 沙田做木工嘅街坊
platform: whatsapp
script: zh-Hant
"""

PIGEON = """
name: 定州赛鸽联谊群
positioning: 定州鸽友交流训放、集鸽和比赛成绩，比赛日常常拼车去公棚；鸽友之间转让自家的旧鸽笼可以发，鸽药商家不要发
topics: [赛鸽, 鸽子, 鸽舍, 训放, 集鸽, 公棚, 归巢, 足环, 鸽笼, 比赛]
audience: 定州养赛鸽的鸽友
"""

CHOIR = """
name: 定州老年合唱团
positioning: 定州老年合唱团团员交流排练安排、声部分谱和演出通知，每周二上午在老干部活动中心排练
topics: [合唱, 排练, 声部, 分谱, 演出, 指挥, 发声, 伴奏]
audience: 定州的退休合唱爱好者
"""

T0 = 1_767_225_600.0
_say = partial(say, t0=T0, gap=600)


@pytest.fixture
def wood(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, WOOD)


@pytest.fixture
def pigeon(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, PIGEON)


def _settle(mod: Moderator, user: str, texts: list[str]) -> int:
    for i, text in enumerate(texts):
        assert _say(mod, text, user=user, n=i).action == Action.NONE
    return len(texts)


_WOOD_TALK = ["今個月開放日幾點開門？", "我啱啱磨好把鑿，利咗好多", "收到，十點到"]


def test_a_hong_kong_number_offered_with_whatsapp_is_one_handle() -> None:
    one = detect(normalise("自用嘅鉋仔，$300，WhatsApp 6123 4578"))
    assert _handle_count(one) == 1
    two = detect(normalise("自用嘅鉋仔，$300，WhatsApp 6123 4578 或者 9345 6712"))
    assert _handle_count(two) == 2
    mixed = detect(normalise("自用嘅鉋仔，$300，WhatsApp 6123 4578，微信 wood_hk88"))
    assert _handle_count(mixed) == 2


@pytest.mark.parametrize("text", [
    "自己用咗兩年嘅日本鉋仔，換咗新嘅，$350 放，有意 WhatsApp 6123 4578",
    "屋企冇位，自用嘅小型檯鋸平放，$1200，睇貨可以打 6677 1234",
    "我剩咗幾條柚木料，自己用唔晒，$200 全部拎走，有興趣 WhatsApp 5567 8812",
])
def test_a_members_own_tool_with_a_hong_kong_number_is_not_deleted(wood: Moderator, text: str) -> None:
    n = _settle(wood, "k1", _WOOD_TALK)
    v = _say(wood, text, user="k1", n=n)
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert v.checks.get("member_offer") == "trade_handle"
    # and the next message of the same member is not judged as a struck advertiser's
    again = _say(wood, "仲喺度，有興趣嘅 WhatsApp 我 6123 4578", user="k1", n=n + 1)
    assert again.action not in (Action.DELETE, Action.MUTE), again.reason


@pytest.mark.parametrize("text", [
    "日本進口鉋、鑿、鋸大量現貨，$350 起，WhatsApp 6789 0011",          # stock
    "二手鉋仔$350、鑿$120、鋸$200，WhatsApp 6789 0011",                 # a price list
    "自用鉋仔 $350，WhatsApp 6123 4578 或者 call 9345 6712",            # two numbers
])
def test_a_seller_with_a_hong_kong_number_is_still_an_ad(wood: Moderator, text: str) -> None:
    n = _settle(wood, "k2", _WOOD_TALK)
    v = _say(wood, text, user="k2", n=n)
    assert v.label == "ad", v.reason
    assert v.checks.get("member_offer") != "trade_handle"


def test_a_members_old_cage_replaced_is_theirs(pigeon: Moderator) -> None:
    n = _settle(pigeon, "p1", ["明天训放几点集合？", "我家那羽灰鸽今天归巢了", "收到"])
    v = _say(pigeon, "我家旧鸽笼一个，换新的了，用不着，120拿走，电话 137 0312 6655", user="p1", n=n)
    assert v.label == "ok" and v.action == Action.NONE, v.reason


def test_a_bird_that_did_not_come_home_is_a_lost_notice(pigeon: Moderator) -> None:
    v = _say(pigeon, "昨天训放少了一羽雨点鸽，足环号2026-05-2231，谁家落了麻烦联系我 139 3221 8877", user="p2")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert "寻人寻物" in v.reason


def test_a_loft_that_finds_birds_for_a_fee_is_still_an_ad(pigeon: Moderator) -> None:
    v = _say(pigeon, "专业寻鸽服务，丢失、没归巢的赛鸽包找回，收费合理，电话 139 3221 8877", user="p3")
    assert v.label == "ad" and v.action != Action.NONE, v.reason


def test_a_seat_left_in_a_members_car_is_a_ride(pigeon: Moderator) -> None:
    v = _say(pigeon, "周日去公棚那趟车还剩一个座，要的加我微信 dz_pigeon66", user="p4")
    assert v.label == "ok" and v.action == Action.NONE, v.reason


def test_a_delete_on_a_contact_and_one_price_does_not_make_the_next_message_stricter(tmp_path: Path) -> None:
    choir = audited_moderator(tmp_path, CHOIR)
    n = _settle(choir, "c1", ["周二排练几点开始？", "我的女高音分谱找到了", "收到"])
    first = _say(choir, "我家自用的电动车九成新，1500元，电话 137 0312 6655", user="c1", n=n)
    assert first.label == "ad" and first.checks.get("soft_strike"), first.reason
    again = _say(choir, "电动车还在，有意的联系我 137 0312 6655", user="c1", n=n + 1)
    assert again.action != Action.MUTE, again.reason
    assert "近期被处置过" not in again.reason


def test_a_price_list_keeps_its_strike_hard(tmp_path: Path) -> None:
    choir = audited_moderator(tmp_path, CHOIR)
    n = _settle(choir, "c2", ["周二排练几点开始？", "我的女高音分谱找到了", "收到"])
    first = _say(choir, "保健枕头现货，单人款98元、双人款168元，电话 150 3366 7788", user="c2", n=n)
    assert first.label == "ad" and first.action != Action.NONE and not first.checks.get("soft_strike"), first.reason
    again = _say(choir, "枕头还有，电话 150 3366 7788", user="c2", n=n + 1)
    assert again.action == Action.MUTE, again.reason


def test_an_ad_the_model_is_sure_of_keeps_its_one_price_as_a_hard_strike(tmp_path: Path) -> None:
    choir = audited_moderator(tmp_path, CHOIR)
    n = _settle(choir, "c3", ["周二排练几点开始？", "我的女高音分谱找到了", "收到"])
    first = _say(choir, "颈椎按摩仪一台298元，微信 anmo_8899", user="c3", n=n)
    assert first.label == "ad" and first.action != Action.NONE and not first.checks.get("soft_strike"), first.reason
