"""Round 57, d17a57 (issue 17): who sends an offer and what the message does. A scam warning that retells a stranger's
approach without a 说 (有人私聊我卖…) quotes the stranger's invitation; a member's number given so the others can find them
at the group's own meeting place (找不到入口的打我电话) asks nobody to buy; a member's own used thing said by how long they
used it or whose it is (用了两年, 我那台) is their own item; a staff role the profile itself names (管家) leaving one
handle for the group's own matter is the group's counter. The same words from a seller, with a price or a stock word,
or from a member the profile does not name, stay ads. Messages written for these tests, for groups not used before: a
weekend hiking club, a children's electronic-keyboard class and a serviced-apartment residents' group."""

from __future__ import annotations

from pathlib import Path

import pytest
from moderation_say import dry_run_moderator as _mod
from moderation_say import said_by as _say

from copilot.moderation.labels import ACTED, Label

HIKE = """name: 周末徒步俱乐部
positioning: 每周末组织城郊徒步，领队老郑带队，队员交流路线、装备和体能
topics: [徒步, 路线, 装备, 体能, 集合]
type: 兴趣型
events:
  - {title: 周日徒步, kind: 线下活动, cadence: 每周日, time: "07:30", place: 地铁站B口, host: 领队老郑}
"""
KEYS = """name: 小音符电子琴班家长群
positioning: 少儿电子琴班的家长群，交流孩子练琴、考级和演出
topics: [电子琴, 练琴, 考级, 演出, 琴谱]
type: 兴趣型
"""
FLATS = """name: 云栖服务公寓住户群
positioning: 云栖服务公寓的住户群，管家发停水停电和电梯维修通知，住户互相帮忙
topics: [维修报修, 停水停电, 电梯, 快递, 邻里互助]
type: 社区型
banned: [中介广告, 保洁广告]
"""


@pytest.mark.parametrize("text", ["有人私聊我卖驾照包过的名额，交三千就保过，大家千万别信",
                                  "刚才有个号加我，问要不要低价登山杖，我没理，大家留个心眼"])
def test_a_warning_that_retells_a_strangers_approach_is_not_an_ad(tmp_path: Path, text: str) -> None:
    v = _say(_mod(HIKE, tmp_path), "队员阿兰", text)
    assert v.label == Label.OK and v.action not in ACTED, v.reason


def test_the_writers_own_invitation_beside_a_warning_stays_an_ad(tmp_path: Path) -> None:
    v = _say(_mod(HIKE, tmp_path), "户外用品阿强", "别信外面那些骗子，正品登山杖私聊我，加我微信 qiang_outdoor88")
    assert v.label == Label.AD, v.reason


@pytest.mark.parametrize("text", ["周日集合点在地铁站B口外面的广场，找不到的打我电话 139 2468 1357",
                                  "我今天走收队，下山迷路的打我 186 1357 2468"])
def test_a_members_number_to_be_found_at_the_groups_place_is_not_an_ad(tmp_path: Path, text: str) -> None:
    v = _say(_mod(HIKE, tmp_path), "队员大周", text)
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert v.checks["belongs"]["meet_up"], v.checks.get("belongs")


def test_a_priced_service_with_the_same_call_stays_an_ad(tmp_path: Path) -> None:
    v = _say(_mod(HIKE, tmp_path), "户外包车小李", "周末徒步包车，一人50元，到了集合点找不到的打我电话 139 2468 1357")
    assert v.label == Label.AD, v.reason


@pytest.mark.parametrize("text", ["我那台电子琴孩子升级换了，61键的，八百转给群里的小朋友，电话 135 2468 9753",
                                  "孩子用了两年的电子琴，61键，八百给需要的家长，电话 135 2468 9753"])
def test_a_members_own_used_keyboard_with_one_number_is_not_acted_on(tmp_path: Path, text: str) -> None:
    v = _say(_mod(KEYS, tmp_path), "乐乐妈", text)
    assert v.label == Label.OK and v.action not in ACTED, v.reason


def test_new_keyboards_from_stock_stay_an_ad(tmp_path: Path) -> None:
    v = _say(_mod(KEYS, tmp_path), "琴行小王", "全新电子琴厂家直供，61键八百一台，现货，电话 135 2468 9753")
    assert v.label == Label.AD and v.action in ACTED, v.reason


def test_the_staff_role_the_profile_names_may_leave_a_number_for_the_groups_matter(tmp_path: Path) -> None:
    v = _say(_mod(FLATS, tmp_path), "管家-小刘", "电梯又停了的话直接报修，急的打我电话 136 1122 3344")
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert v.checks["own_organiser"]["name"] == "管家-小刘"
    assert "工作人员" in v.reason


@pytest.mark.parametrize("user", ["8栋小王", "保洁-小刘"])
def test_anyone_else_leaving_the_same_number_is_not_the_groups_counter(tmp_path: Path, user: str) -> None:
    v = _say(_mod(FLATS, tmp_path), user, "电梯又停了的话直接报修，急的打我电话 136 1122 3344")
    assert "own_organiser" not in v.checks, v.reason
