"""Round 60, d17b60 (issue 17 item 3): off-topic by meaning on groups never seen.

- A profile whose schedule lines could not be read as events still says the group meets: a member's question about its
  training time ("咁星期五几点开始？") is about the group's own arrangement, not chatter.
- A member asking whether someone may join the group's activity (想学 … 八岁得唔得？) is the group's own business in a
  group that meets; the same wish for somewhere else (迪士尼) and plain chatter are read as before.
- A profile clause that refuses shops (不接受商家/店铺广告) does not make the group a shop's own customer group.
Messages and profiles written for these tests, for groups not used before."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.offtopic import OffTopicDetector, asks_to_join
from copilot.moderation.pipeline import Moderator
from copilot.moderation.signals import shop_group, without_refused
from copilot.profile import parse_profile_text

KUNGFU = """name: 荃灣洪拳學員群
positioning: 洪拳館學員同家長嘅群，講練功時間、套路同紮馬
topics: [洪拳, 紮馬, 工字伏虎拳, 練功]
type: 兴趣型
schedule: ["逢星期一、四 晚上 7 點半 荃灣武館練功"]
"""
TABLE_TENNIS = """name: 城南乒乓球角
positioning: 城南社区乒乓球爱好者一起练球，交流发球、拉弧圈和球拍胶皮
topics: [乒乓球, 发球, 弧圈, 胶皮]
type: 兴趣型
schedule: ["每周二、周六 早上 社区活动中心练球"]
"""
PETS = """name: 桂园小区养宠邻居群
positioning: 桂园小区养猫养狗的邻居互助：遛狗约伴、出差互相喂猫、疫苗驱虫经验；不接受商家/店铺广告
topics: [养狗, 养猫, 遛狗, 喂猫, 疫苗]
type: 社区型
"""
SHOP = """name: 桂园宠物店老客户群
positioning: 宠物店的老客户群，门店发洗护优惠和到店提醒
topics: [洗澡, 美容, 驱虫]
type: 消费型
"""

_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def test_unread_schedule_lines_say_the_group_meets() -> None:
    profile = parse_profile_text(KUNGFU)
    assert profile.unparsed_schedule()  # the line is kept for the operator, not read as an event
    assert OffTopicDetector(profile).meets


@pytest.mark.parametrize("text", ["收到，咁星期四幾點開始？", "今晚武館幾點開始？"])
def test_time_of_the_groups_training_is_its_own(text: str, tmp_path: Path) -> None:
    v = _mod(KUNGFU, tmp_path).moderate({"user": "m1", "text": text})
    assert v.label == Label.OK, v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (KUNGFU, "我個仔想嚟學，佢七歲得唔得？"),
    (TABLE_TENNIS, "我女儿也想来参加，她九岁可以吗？"),
])
def test_asking_to_join_the_groups_activity(profile: str, text: str, tmp_path: Path) -> None:
    v = _mod(profile, tmp_path).moderate({"user": "m2", "text": text})
    assert v.label == Label.OK, v.reason


def test_join_words_need_both_the_wish_and_the_fit() -> None:
    assert asks_to_join("我个仔想学佢九岁得唔得") == ["想学", "岁"]
    assert asks_to_join("我想学做蛋糕") == []  # no question whether one fits
    assert asks_to_join("这个九岁的孩子可以吗") == []  # nobody wants to come


@pytest.mark.parametrize("text", ["今晚英超曼聯對利記，有冇人一齊睇波？", "边间茶楼嘅虾饺最好食？"])
def test_chatter_in_a_group_that_meets_is_still_off_topic(text: str, tmp_path: Path) -> None:
    v = _mod(KUNGFU, tmp_path).moderate({"user": "m3", "text": text})
    assert v.label == Label.OFF_TOPIC, v.reason


def test_a_refused_clause_names_what_the_group_is_not() -> None:
    assert "商家" not in without_refused("锦园小区养宠邻居互助；不接受商家/店铺广告")
    assert "养宠" in without_refused("锦园小区养宠邻居互助；不接受商家/店铺广告")
    assert not shop_group(parse_profile_text(PETS))
    assert shop_group(parse_profile_text(SHOP))  # a shop's own group says so without refusing it
