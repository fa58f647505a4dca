"""Round 65, d17e65 (issue 17, qa17r49): a scam offer that charges a fee before anything is done and promises a sure
result (预付鉴定费…上拍率百分百…私我; 先交报名费…包过…私我) is a deleted ad in any group, with digits or Chinese numerals.
A member talking about a refundable deposit, a fee that looks unsafe, or warning others about such an offer is not.
Groups and messages written for these tests (a stamp collectors' group, a truck drivers' group, a delivery riders' group)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import assert_fee_scam_deleted, say

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect

STAMPS = """
name: 老邮票收藏交流群
positioning: 邮票爱好者交流版式、品相和真伪，成员可以转让自己的藏品，不许发收费鉴定和代拍广告
topics: [邮票, 集邮, 品相, 版式, 首日封, 小型张, 真伪]
audience: 集邮爱好者
type: 兴趣型
"""

TRUCKERS = """
name: 西南零担货车司机群
positioning: 跑西南零担线路的货车司机通报装卸货、路况、查车和车辆保养，互相帮忙找货
topics: [货车, 零担, 装货, 卸货, 高速, 查超, 保养, 找货]
audience: 跑零担的司机和车主
type: 互助型
"""

RIDERS = """
name: 成都高新外卖骑手群
positioning: 高新区跑外卖的骑手互相提醒出餐慢的店、爆单的商圈、查车和换电
topics: [外卖, 骑手, 接单, 出餐, 商圈, 电动车, 换电, 配送]
audience: 高新区的骑手
type: 互助型
"""

T0 = 1_767_225_600.0
_say = partial(say, t0=T0)


@pytest.mark.parametrize(("profile", "text"), [
    (STAMPS, "有门路帮大家把老邮票送去香港拍卖，预付评估费1800，上拍率百分百，私我"),
    (STAMPS, "文革票可以帮忙上拍，预交图录费两千，包上拍，想拍的私我"),
    (TRUCKERS, "B2驾照代考，先交报名费2500，包过，需要的私我"),
    (TRUCKERS, "年审不用上线，预付五百，保证通过，私聊"),
    (RIDERS, "电动车上牌包办，先付三百，稳过，要的私信我"),
])
def test_an_upfront_fee_with_a_sure_result_and_a_private_call_is_a_deleted_scam(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    assert_fee_scam_deleted(_say(profile_moderator(profile), text, user="u_stranger"))


@pytest.mark.parametrize(("profile", "text"), [
    (RIDERS, "站长说新人要先交两百的装备押金，离职会退，你们当时也交了吗"),
    (STAMPS, "上次那家拍卖行要我预付图录费，我没去，感觉不靠谱"),
    (STAMPS, "群里有人私我说包上拍要先交钱，大家别信，是骗子"),
    (TRUCKERS, "年审检测费今年先交了四百，一次就过了，湖州那家站挺快"),
])
def test_a_members_talk_about_fees_is_no_scam(profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="老会员")
    assert v.action not in ACTED, v.reason


def test_the_scam_needs_all_three_parts() -> None:
    names = [s.name for s in detect(normalise("预付鉴定费2000，上拍率百分百，私我")).signals]
    assert "fee_scam" in names
    for text in ("预付鉴定费2000，私我", "上拍率百分百，私我", "预付鉴定费2000，上拍率百分百"):
        assert "fee_scam" not in [s.name for s in detect(normalise(text)).signals], text
