"""Round 70, lead (issue 17): a member who tells neighbours to steer clear of the banned thing (别找中介, 别通过黄牛) names
it as what not to go to — no agent's listing, no scalper's deal — while the agent's or scalper's own offer in the same
groups is still deleted. In a group that lets members pass on their own things, a post that opens by offering one
counted piece (出…一台) is a member's own thing, and a mobile given as the WeChat id is one handle, not two; a dealer's
lot, and the same post where the profile allows no trade, are still ads. Groups and messages written for these tests
(a building's tenants, a concert fans' group, a camera collectors' swap group, a photography class)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import REMOVED, Label
from copilot.profile import parse_profile_text

TENANTS = """
name: 望江路7号楼租户群
positioning: 7号楼的租户互通维修、物业、房东和押金问题，一起处理楼里的公共事务
topics: [物业, 维修, 房东, 租金, 押金, 合同, 停水停电, 快递, 邻里]
audience: 望江路7号楼的租户
type: 社区型
banned: [中介房源广告, 贷款广告]
"""

FANS = """
name: 南湖乐队歌迷交流群
positioning: 南湖乐队的歌迷交流演出、新歌和周边，互相提醒抢票和观演安全
topics: [演出, 新歌, 周边, 抢票, 观演, 应援]
audience: 南湖乐队的歌迷
type: 兴趣型
banned: [黄牛票, 代抢]
"""

CAMERAS = """
name: 老胶片相机收藏交流
positioning: 胶片相机和老镜头的收藏者交流维修、鉴定和拍摄，成员之间可以互换、转让自己的器材
topics: [胶片相机, 老镜头, 维修, 鉴定, 胶卷, 冲扫, 交换, 转让]
audience: 胶片相机爱好者
type: 兴趣型
"""

CLASS = """
name: 周末人像摄影班
positioning: 摄影班学员交流作业、布光和后期，老师每周点评
topics: [人像, 布光, 后期, 作业, 构图, 相机]
audience: 摄影班学员
type: 学习型
"""

say = partial(say, gap=90)


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


@pytest.mark.parametrize("text", [
    "房东的电话是13912345678，漏水的事大家直接找他，别找中介了",
    "热水器坏了打房东电话13587654321就行，不用找中介，他周末都在",
])
def test_a_landlords_number_beside_steer_clear_of_agents_is_not_deleted(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, TENANTS), text)
    assert v.action not in REMOVED, v.reason
    assert not any(s["name"] == "banned_deal" for s in v.checks["signals"]), v.reason


def test_an_agents_own_listing_is_still_deleted(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, TENANTS), "中介直租，7号楼两室一厅精装修，3200一个月，看房电话13766668888")
    assert v.label == Label.AD, v.reason
    assert v.action in REMOVED, v.reason


def test_steer_clear_of_scalpers_is_no_ticket_deal(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, FANS), "周六的票大家就在官方小程序抢，别通过黄牛票买，被骗了没人管")
    assert v.action not in REMOVED, v.reason
    assert not any(s["name"] in ("banned_deal", "banned") for s in v.checks["signals"]), v.reason


def test_a_scalpers_offer_is_still_deleted(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, FANS), "周六内场黄牛票有几张，原价880现在1200，要的加微信 piao_8899")
    assert v.label == Label.AD, v.reason
    assert v.action in REMOVED, v.reason


@pytest.mark.parametrize("text", [
    "出海鸥4B双反一台，快门正常，镜片无霉，650，加我微信 film_chen88",
    "出美能达X-700一台，带原装标头，900，微信 13822334455",
])
def test_one_counted_piece_offered_where_members_pass_things_on_is_their_own(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, CAMERAS), text)
    assert v.action not in REMOVED, v.reason
    assert v.label == Label.OK, v.reason


@pytest.mark.parametrize("text", [
    "出一批日本回流胶片机，各种型号都有，量大从优，加微信 camera_shop01",  # a dealer's lot
    "出海鸥4B双反一台，650，加我微信 film_chen88，另有镜头三支，电话13822334455",  # two handles
])
def test_a_dealers_lot_or_a_post_with_two_handles_is_still_an_ad(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, CAMERAS), text)
    assert v.label == Label.AD, v.reason


def test_the_same_offer_where_the_profile_allows_no_trade_is_still_an_ad(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, CLASS), "出美能达X-700一台，带50/1.7头，900，加我微信 film_chen88")
    assert v.label == Label.AD, v.reason


ACCOUNTING = """
name: 夜校会计班（周二周四晚）
positioning: 夜校会计班学员交流课程、作业、初级会计考试和实务问题
topics: [会计, 作业, 初级会计, 考试, 税务, 分录, 报表]
audience: 夜校会计班学员
type: 学习型
"""


@pytest.mark.parametrize("text", [
    "代理记账、注册公司、税务筹划找我就行，号码在头像里",
    "专业代做会计作业，价格美丽，微信在我昵称上",
])
def test_a_handle_said_to_be_in_the_profile_is_a_pointer(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, ACCOUNTING), text)
    assert v.label == Label.AD, v.reason
    assert any(s["name"] == "pointer" for s in v.checks["signals"]), v.reason


def test_a_pet_in_the_profile_picture_points_at_no_handle(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, ACCOUNTING), "我家猫在头像里，今晚的分录作业写完了")
    assert not any(s["name"] == "pointer" for s in v.checks["signals"]), v.reason
    assert v.label != Label.AD, v.reason
