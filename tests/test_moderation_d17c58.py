"""Round 58, d17c58 (issue 17): a group's own field is not chatter.

The field words of more kinds of group (domains.yaml: care of frail elders, yum cha, Chinese opera, speed cubing, seal
carving, fountain pens, fruit trees, classical music, makers; near words of dogs, turtles, air plants, paddling, fishing
and dance) tie an everyday-sounding question to the group before the chatter model may flag it; chatter in the same
groups stays off-topic. Messages written for these tests, for groups not used before."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

CARE = """name: 长宁失能老人家属照护群
positioning: 家里有卧床、失能老人的家属交流照护经验，社区护士答疑
topics: [照护, 翻身, 喂饭, 用药, 护理用品]
type: 互助型
"""
YUMCHA = """name: 荔湾早茶街坊群
positioning: 钟意饮早茶嘅街坊约埋一齐饮茶，分享边间茶楼嘅点心好食
topics: [饮茶, 早茶, 点心, 茶楼]
type: 兴趣型
"""
OPERA = """name: 南京越剧票友社
positioning: 喜欢越剧的票友每周聚会学唱，交流唱腔和身段，分享演出信息
topics: [越剧, 唱腔, 身段, 演出]
type: 兴趣型
"""
SEAL = """name: 金陵篆刻小组
positioning: 篆刻爱好者交流刻印、临印和印石，每月雅集评印
topics: [篆刻, 刻印, 临印, 雅集]
type: 兴趣型
"""

_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


@pytest.mark.parametrize(("profile", "text"), [
    (CARE, "我妈这两天喝水老是呛咳，要不要换成糊状的饭？"),
    (CARE, "晚上起夜太多，护理垫用哪种不容易漏？"),
    (YUMCHA, "边间嘅流沙包唔会太甜？我屋企人血糖高"),
    (YUMCHA, "茶位费而家一位几多钱啊"),
    (OPERA, "我水袖总是甩不开，像在晾衣服一样哈哈"),
    (SEAL, "边款用单刀还是双刀好？我刻的字老是歪"),
])
def test_field_question_is_not_chatter(profile: str, text: str, tmp_path: Path) -> None:
    v = _mod(profile, tmp_path).moderate({"user": "m1", "text": text})
    assert v.label == Label.OK, v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (CARE, "有人知道哪个4S店保养便宜吗，我车该换机油了"),
    (YUMCHA, "这周的股票大家怎么看，我那只又跌停了"),
    (OPERA, "有人知道哪里换手机屏幕便宜吗，我的摔碎了"),
])
def test_chatter_in_the_same_groups_is_still_off_topic(profile: str, text: str, tmp_path: Path) -> None:
    v = _mod(profile, tmp_path).moderate({"user": "m2", "text": text})
    assert v.label == Label.OFF_TOPIC, v.reason
