"""Round 42 (issue 17, d17e42): the sender's own code or name given for a discount (邀请码…立减, 报我名字打八折) is a
referral deal and is deleted; a member recommending a shop they like, without a code or their name, stays ok."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

ROWING = """
name: 西湖赛艇晨练群
positioning: 西湖边划赛艇的业余爱好者约早上训练，交流桨频、发力和艇的保养
topics: [赛艇, 划桨, 桨频, 训练, 码头, 救生衣, 艇库]
audience: 杭州的业余赛艇爱好者
"""


@pytest.mark.parametrize("text", [
    "我小舅子在体育场路开了家运动康复馆，报我名字做理疗打八折，划完腰酸的可以去",
    "盒马新人下单填我的邀请码 HM3309 立减十块，帮个忙啦",
    "我堂哥在北山路开了家早餐铺，提我名字豆浆免单，训练完去吃",
    "飛豬註冊填我的推薦碼 FZ8812 首單減50，拜託大家",
])
def test_a_code_or_name_given_for_a_discount_is_deleted(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(ROWING).moderate({"id": "1", "user": "r1", "text": text})
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason
    assert "报名字或邀请码换优惠" in v.reason or "報名字或邀請碼換優惠" in v.reason


@pytest.mark.parametrize("text", [
    "体育场路那家运动康复馆我去做过理疗，师傅手法很好，划完腰酸的可以去试试",
    "北山路有家早餐铺豆浆很香，训练完去吃正好",
    "艇库的门禁码换了，新的是 3309，别告诉外人",
    "报名表上填我的名字就行，我来对接教练",
])
def test_a_recommendation_without_code_or_name_is_not_acted_on(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(ROWING).moderate({"id": "1", "user": "r2", "text": text})
    assert v.action not in ACTED, v.reason
    assert "报名字或邀请码换优惠" not in v.reason


YARD = """
name: 梧桐苑邻里群
positioning: 梧桐苑小区的住户互相帮忙：借工具、找师傅、代收快递、失物招领；禁止商家进群发广告
topics: [互助, 借, 工具, 师傅, 维修, 快递, 停车, 邻居, 物业]
audience: 梧桐苑的住户
type: 其他
"""


def _chat(mod: Moderator, lines: list[tuple[str, str]], start: float = 1_800_000_000.0, gap: float = 40.0) -> list:
    return [mod.moderate({"id": str(i), "user": user, "text": text, "ts": start + gap * i})
            for i, (user, text) in enumerate(lines)]


def test_an_answer_to_a_lending_request_is_ok(profile_moderator: Callable[[str], Moderator]) -> None:
    asked, answered = _chat(profile_moderator(YARD), [
        ("小蒋", "谁家有梯子借我用一下，换个灯泡"),
        ("老孟", "我家有，9栋二单元301，下午都在，打我电话13957730418"),
    ])
    assert answered.label == "ok", answered.reason
    assert "借东西" in answered.reason


def test_the_same_offer_with_no_one_asking_to_borrow_is_not_cleared(profile_moderator: Callable[[str], Moderator]) -> None:
    _, offered = _chat(profile_moderator(YARD), [
        ("小蒋", "今天物业说周五停水，大家提前存点水"),
        ("老孟", "我家有，9栋二单元301，下午都在，打我电话13957730418"),
    ])
    assert offered.label == "ad", offered.reason
    assert "借东西" not in offered.reason


def test_a_seller_after_a_lending_request_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    _, sold = _chat(profile_moderator(YARD), [
        ("小蒋", "谁家有梯子借我用一下，换个灯泡"),
        ("新人", "我有铝合金人字梯出售，全新一百二一把，送货上门，电话13957730418"),
    ])
    assert sold.label == "ad", sold.reason


def test_a_helper_named_in_answer_to_a_request_is_ok(profile_moderator: Callable[[str], Moderator]) -> None:
    _, answered = _chat(profile_moderator(YARD), [
        ("小蒋", "谁认识修热水器的师傅？一直打不着火"),
        ("老孟", "修热水器联系13857702261 胡师傅"),
    ])
    assert answered.label == "ok", answered.reason


@pytest.mark.parametrize("card", [
    "修热水器联系13857702261 胡师傅",         # the same card with no one asking: 联系 + a number
    "热水器维修 13857702261",                  # a tradesman's bare card, even after a request
])
def test_a_card_not_answering_anyone_or_naming_no_one_is_not_cleared(profile_moderator: Callable[[str], Moderator],
                                                                      card: str) -> None:
    first = "谁认识修热水器的师傅？一直打不着火" if "维修" in card else "周五停水，大家提前存点水"
    _, posted = _chat(profile_moderator(YARD), [("小蒋", first), ("新人", card)])
    assert posted.label == "ad", posted.reason
