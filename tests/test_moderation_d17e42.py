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
