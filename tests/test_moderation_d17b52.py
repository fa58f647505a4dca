"""Round 52, d17b52 (issue 17): the group's own people read from the name members see.

- The shop's own staff (五角场店-前台小美, 前台-小美) posting the shop's own product at the profile's price in its customer
  group is the group's own offer, not an ad (Moderator._staff_layer); another branch's staff, or an offer of something the
  profile does not list, is still an ad.
- A chatter-like line from one of the group's admins (群管-老周) is left for a person to review, never reminded in public
  (Moderator._admin_layer); the same line from a member is still reminded.
Groups and messages written for these tests (a Shanghai yoga studio's members' group, a contract-bridge club)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import audited_moderator, say

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Action
from copilot.moderation.sender import name_role

YOGA = """
name: 静心瑜伽（五角场店）会员群
positioning: 五角场店会员交流练习心得和课表，门店发排课、会员福利和体验课优惠
topics: [瑜伽, 空中瑜伽, 普拉提, 体式, 拉伸, 课表, 会员]
audience: 五角场店在籍会员
type: 品牌型
products:
  - {name: 空中瑜伽体验课, price: 128, promo_price: 69, unit: 节}
  - {name: 季卡, price: 1980, promo_price: 1680, unit: 张}
banned: [外部课程引流, 代餐减肥产品]
"""

BRIDGE = """
name: 杭州桥牌俱乐部
positioning: 杭州桥牌爱好者交流叫牌体系、打牌技巧，每周六下午在活动室打复式赛
topics: [桥牌, 叫牌, 精确制, 自然叫, 复式赛, 打牌技巧, 防守, 坐庄]
audience: 杭州的桥牌爱好者
"""

T0 = 1_767_225_600.0
_say = partial(say, t0=T0, gap=600)
OFFER = "会员福利：本周六空中瑜伽体验课69元一节（原价128），季卡续费1680，想来的在群里接龙或者私聊我登记"


@pytest.fixture
def yoga(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, YOGA)


@pytest.fixture
def bridge(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, BRIDGE)


@pytest.mark.parametrize("nickname", ["五角场店-前台小美", "前台-小美", "五角场店 店长阿静"])
def test_the_shops_own_staff_offering_its_own_product_is_not_an_ad(yoga: Moderator, nickname: str) -> None:
    v = _say(yoga, OFFER, user="staff1", nickname=nickname)
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert v.checks.get("own_staff", {}).get("products") == ["空中瑜伽体验课", "季卡"]


@pytest.mark.parametrize("nickname", ["大学路店-前台小美", "小美", "前台小美 vx yoga_mei2024"])
def test_another_branchs_staff_or_a_member_with_the_same_offer_is_an_ad(yoga: Moderator, nickname: str) -> None:
    v = _say(yoga, OFFER, user="other1", nickname=nickname)
    assert v.label == "ad" and v.action in (Action.DELETE, Action.MUTE), v.reason
    assert "own_staff" not in v.checks


def test_staff_offering_what_the_profile_does_not_list_is_an_ad(yoga: Moderator) -> None:
    v = _say(yoga, "新到一批进口瑜伽服，每套239（原价399），库存不多，私聊我下单", user="staff2", nickname="前台-小美")
    assert v.label == "ad" and "own_staff" not in v.checks, v.reason


def test_staff_with_a_contact_in_the_message_is_an_ad(yoga: Moderator) -> None:
    v = _say(yoga, OFFER + "，微信 yoga_mei2024", user="staff3", nickname="前台-小美")
    assert v.label == "ad", v.reason


def test_name_role_reads_the_qualifier_against_the_profile() -> None:
    own = "静心瑜伽五角场店会员群"
    assert name_role("五角场店-前台小美", "staff", own) == "前台"
    assert name_role("大学路店-前台小美", "staff", own) is None
    assert name_role("群管-老周", "admin", own) == "群管"
    assert name_role("老周", "admin", own) is None


ARRANGEMENT = "天气太热了，老板说空调明天就修好"


def test_an_admins_everyday_words_are_not_reminded(bridge: Moderator) -> None:
    v = _say(bridge, ARRANGEMENT, user="admin1", nickname="群管-老周")
    assert v.action not in ACTED, v.reason


def test_the_same_words_from_a_member_are_still_reminded(bridge: Moderator) -> None:
    v = _say(bridge, ARRANGEMENT, user="member1", nickname="老周")
    assert v.label == "off_topic" and v.action == Action.REMIND, v.reason


SUCCULENT = """
name: 成都多肉植物交流群
positioning: 成都多肉爱好者交流养护、换盆、配土和病虫害，每月群里晒肉评比
topics: [多肉, 配土, 换盆, 浇水, 徒长, 叶插, 砍头, 病虫害, 上色]
audience: 成都养多肉的肉友
"""


@pytest.fixture
def succulent(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, SUCCULENT)


def test_a_photo_vote_held_in_the_groups_album_is_not_spam(succulent: Moderator) -> None:
    v = _say(succulent, "本月晒肉评比开始啦，大家把自家上色最好看的那盆拍照发群相册，月底投票选出最美多肉，群主送一包颗粒土",
             user="own1", nickname="肉肉")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert v.checks.get("group_poll"), v.reason


def test_a_vote_for_the_writers_own_entry_outside_is_still_spam(succulent: Moderator) -> None:
    v = _say(succulent, "大家帮我投一票，我家孩子参加的绘画比赛，每天都能投，链接 https://vote.h5hd.cn/x9k2", user="own2")
    assert v.label == "spam" and v.action in ACTED, v.reason


@pytest.mark.parametrize("text", [
    "我一直在“青青多肉小铺”买肉，老板人很好，发货快，有需要的说一声我拉你们进他的上新群",
    "跟大家分享个好东西，我家孩子在一个老师那学画多肉水彩，进步特别快，想学的我拉你们进群～不是打广告哈",
])
def test_a_soft_pitch_that_pulls_members_into_a_sellers_group_is_an_ad(succulent: Moderator, text: str) -> None:
    v = _say(succulent, text, user="soft1")
    assert v.label == "ad" and v.action in (Action.DELETE, Action.MUTE), v.reason


@pytest.mark.parametrize("text", [
    "本周六下午群里组织换盆交流会，想参加的说一声我拉你们进活动小群",
    "不是广告哈，我自己叶插出了好多小苗，想要的私我，免费送",
])
def test_the_groups_own_sub_group_or_a_members_free_seedlings_are_not_ads(succulent: Moderator, text: str) -> None:
    v = _say(succulent, text, user="own3")
    assert v.action not in ACTED, v.reason


def test_a_member_who_says_they_sell_as_an_agent_is_an_ad(succulent: Moderator) -> None:
    v = _say(succulent, "推荐个多肉大棚的保险，一年只要199，我是代理，保障很全，私聊给你们看条款", user="agent1")
    assert v.label == "ad" and v.action in (Action.DELETE, Action.MUTE), v.reason
    assert any(s["name"] == "agent_pitch" for s in v.checks["signals"])


def test_a_member_who_turned_down_an_agency_is_no_agent(succulent: Moderator) -> None:
    v = _say(succulent, "以前有人拉我做代理我没做，这个杀虫药我自己用着还行，拼多多就有", user="agent2")
    assert v.action not in (Action.DELETE, Action.MUTE), v.reason
    assert not any(s["name"] == "agent_pitch" for s in v.checks["signals"])
