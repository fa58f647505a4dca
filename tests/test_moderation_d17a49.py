"""Round 49, d17a49 (issue 17): members' own sales and errands with their own contact are not acted on.

- A rider's share of the petrol (每人每趟10块油费, 过路费平摊) beside a carpool notice's handle is the trip's shared cost,
  not a fare: the notice is a member's own errand (evidence.yaml ``costs``, evidence.shared_cost). A fare business
  (一位, 每天, 包车…) and a sum that is no shared cost still count.
- Where the profile lets members pass their own things on (or, for their own used gear on the group's subject, does
  not ban trade), a member's own one-off thing with the one handle it is settled by and at most one price is the
  group's business (pipeline._own_sale_handle); stock, a discount, several prices, a link, a disguised handle or a
  profile that bans trade keep it an ad, and a new member's such offer is judged strictly (Moderator._strict).
- Taiwan's 私訊我 is an invitation; 不是廣告 … 便宜 … 我有門路 is a denial pitch (lexicons.yaml ad.reach_me, ad.denial_reach).
Groups and messages written for these tests (a Nanjing steel-tip darts club, a Wuxi warehouse's WeCom group)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import audited_moderator, say

from copilot.moderation import Moderator
from copilot.moderation.evidence import shared_cost
from copilot.moderation.labels import Action
from copilot.textnorm import fold

DARTS = """
name: 河西硬镖俱乐部
positioning: 南京河西玩钢镖的镖友约练、交流握镖和装备，每周三晚在奥体附近的镖馆打积分赛；镖友之间可以转让自己用过的镖、镖盘，商家、代购不要发
topics: [飞镖, 钢镖, 镖针, 镖杆, 镖翼, 镖盘, 积分赛, 约练, 握镖, 301, 501]
audience: 南京河西的镖友
"""

WAREHOUSE = """
name: 无锡新区仓运营群
positioning: 无锡新区常温仓的班组长、仓管和叉车同事对接排班、出入库和设备报修
topics: [排班, 早班, 夜班, 出库, 入库, 叉车, 托盘, 盘点, 报修, 工牌]
audience: 仓库一线员工和班组长
platform: wecom
"""

SILENT = """
name: 河西硬镖俱乐部
positioning: 南京河西玩钢镖的镖友约练、交流握镖和装备，每周三晚在奥体附近的镖馆打积分赛
topics: [飞镖, 钢镖, 镖针, 镖杆, 镖翼, 镖盘, 积分赛, 约练, 握镖, 301, 501]
audience: 南京河西的镖友
"""

NO_TRADE = SILENT + "banned: [买卖, 二手转让]\n"

T0 = 1_767_225_600.0
GAP = 600  # ten minutes apart: no flood
_say = partial(say, t0=T0, gap=GAP)


@pytest.fixture
def darts(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, DARTS)


@pytest.fixture
def warehouse(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, WAREHOUSE)


def _settle(mod: Moderator, user: str, n: int = 0) -> int:
    """A member with a record of approved messages on the group's subject; returns the next message number."""
    for i, text in enumerate(["今晚积分赛几点开始？", "我练了一周四指握镖，稳多了", "收到，七点半到"]):
        assert _say(mod, text, user=user, n=n + i).action == Action.NONE
    return n + 3


def test_shared_cost_is_read_only_in_a_ride_notice() -> None:
    assert shared_cost(fold("下周早班住梅村的同事要拼车吗？每人每趟8块油费，电话 139 5566 7788"))
    assert shared_cost(fold("周日去苏州比赛，顺路的可以搭我车，过路费平摊"))
    assert not shared_cost(fold("拼车去机场，欢迎联系"))  # a ride with no cost named
    assert not shared_cost(fold("公司报销油费的流程改了吗"))  # a cost word outside any notice


def test_a_carpool_with_each_riders_share_of_the_petrol_is_left_alone(warehouse: Moderator) -> None:
    v = _say(warehouse, "下周早班改六点，住梅村的同事要拼车的找我，每人每趟8块油费，电话 139 5566 7788", user="w1")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert "分摊的油费" in v.reason
    # the same member's next ride is not judged as a struck advertiser's
    again = _say(warehouse, "周四夜班下班回梅村也顺路，能带两个，油费一人5块，电话同上 139 5566 7788", user="w1", n=1)
    assert again.action == Action.NONE, again.reason


def test_a_fare_business_is_still_an_ad(warehouse: Moderator) -> None:
    v = _say(warehouse, "拼车去硕放机场，一位50元，每天都有车，油费全包，电话 139 5566 7788", user="w2")
    assert v.label == "ad" and v.action != Action.NONE, v.reason


def test_a_members_own_used_board_with_one_handle_is_the_groups_business(darts: Moderator) -> None:
    n = _settle(darts, "d1")
    v = _say(darts, "我那块自用了三年的钢镖盘换新的了，旧的200给镖友，自己来河西拿，要的加我微信 dart_hexi07", user="d1", n=n)
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert v.checks.get("member_offer") == "trade_handle"
    assert "只留了一个联系方式" in v.reason


@pytest.mark.parametrize("text", [
    "我那块用了三年的钢镖盘换新的了，另有现货各种型号，200一块，加我微信 dart_hexi07",     # stock and many items
    "闲置钢镖盘200，镖针30一套，镖杆15一副，要的加我微信 dart_hexi07",                      # a price list
    "我那套用过的钢镖200出，要的点链接拍 https://shop9912.taobao.com 加我微信 dart_hexi07",  # a shop link
    "用了三年的钢镖盘200出，加我微信 dart_hexi07 或者 QQ 33445566",                        # two ways to reach a seller
])
def test_a_seller_behind_a_members_words_is_still_an_ad(darts: Moderator, text: str) -> None:
    n = _settle(darts, "d2")
    v = _say(darts, text, user="d2", n=n)
    assert v.label == "ad", v.reason
    assert v.checks.get("member_offer") != "trade_handle"


def test_own_used_gear_on_the_groups_subject_with_one_handle_where_the_profile_is_silent(tmp_path: Path) -> None:
    mod = audited_moderator(tmp_path, SILENT)
    n = _settle(mod, "d4")
    v = _say(mod, "我那套自用了三年的钨钢镖换新的了，旧的一套150给镖友，要的加我微信 dart_hexi07", user="d4", n=n)
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert v.checks.get("member_offer") == "trade_handle"


def test_a_profile_that_bans_trade_keeps_the_handle_as_evidence(tmp_path: Path) -> None:
    mod = audited_moderator(tmp_path, NO_TRADE)
    n = _settle(mod, "d3")
    v = _say(mod, "我那块自用了三年的钢镖盘换新的了，旧的200给镖友，要的加我微信 dart_hexi07", user="d3", n=n)
    assert v.checks.get("member_offer") != "trade_handle"
    assert v.label == "ad", v.reason


def test_a_new_members_first_message_selling_with_a_handle_is_not_let_through(darts: Moderator) -> None:
    darts.audit.record_join("g1", "n1")
    v = _say(darts, "闲置钢镖一套，用过几次，150出，要的加我微信 dart_new88", user="n1")
    assert v.label == "ad" and v.action == Action.REVIEW, v.reason  # a person decides


OCARINA = """
name: 府城陶笛社
positioning: 台南喜歡吹陶笛的大人一起練曲、分享譜和指法，每週六下午在公園練習
topics: [陶笛, 六孔, 十二孔, 指法, 樂譜, 練習, 音準, 合奏]
audience: 台南喜歡陶笛的上班族和退休長輩
script: zh-Hant
"""


def test_taiwans_private_message_word_is_an_invitation_like_its_mainland_form(tmp_path: Path) -> None:
    mod = audited_moderator(tmp_path, OCARINA)
    v = _say(mod, "有興趣的可以私訊我了解", user="o1")
    invite = [s for s in v.checks["signals"] if s["name"] == "invite"]
    assert invite and invite[0]["items"] == ["私讯我"], v.checks["signals"]


def test_not_an_ad_then_a_cheaper_channel_through_me_is_a_pitch(tmp_path: Path) -> None:
    mod = audited_moderator(tmp_path, OCARINA)
    v = _say(mod, "不是廣告喔，純分享：這款魚油我吃了半年，練曲看譜眼睛不酸了，需要的話我有門路拿到比較便宜", user="o2")
    assert v.label == "ad" and "denial_pitch" in {s["name"] for s in v.checks["signals"]}, v.reason
    # a member who says where they bought their own instrument cheaply offers no way through them
    own = _say(mod, "不是廣告喔，我的十二孔是在赤崁樓附近的樂器行買的，比網路上便宜", user="o3", n=1)
    assert own.label != "ad", own.reason


@pytest.mark.parametrize("text", [
    "家里多了两副镖翼，免费送，自取，电话 138 2233 4455",
    "我家里多出来一块旧镖盘，送给有需要的镖友，自提，微信 lu_dart22",
])
def test_a_members_surplus_given_away_with_a_phone_is_never_deleted(darts: Moderator, text: str) -> None:
    n = _settle(darts, "g1")
    v = _say(darts, text, user="g1", n=n)
    assert v.action in (Action.NONE, Action.REVIEW), v.reason
    assert v.checks.get("giveaway"), v.checks


def test_a_free_sample_for_a_handle_is_still_bait(darts: Moderator) -> None:
    n = _settle(darts, "g2")
    v = _say(darts, "新款护腕免费领取，数量有限，加我微信 free_wrist8 备注镖友", user="g2", n=n)
    assert v.label == "ad" and not v.checks.get("giveaway"), v.reason
