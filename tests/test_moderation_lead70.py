"""Round 70, lead (issue 17): a member who tells neighbours to steer clear of the banned thing (别找中介, 别通过黄牛) names
it as what not to go to — no agent's listing, no scalper's deal — while the agent's or scalper's own offer in the same
groups is still deleted. Groups and messages written for these tests (a building's tenants, a concert fans' group)."""

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
