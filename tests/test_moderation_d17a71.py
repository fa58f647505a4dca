"""Round 71, d17a71 (issue 17): where a group's profile lets members sell what they catch, grow, raise or make themselves
(允许群友卖自己钓的鱼和自己做的钓具), a member's 「自己绑的子线」「我养的芦花鸡下的蛋」 is their own sale — the grant of one verb of a
kind (做) covers the kind (绑, 削); 「包邮」 with one handle and one price is how such a sale is sent, not a shop's pitch; 「加V」
with no id is the member asking to be messaged. Dealers, 全国包邮 and groups without the grant stay as before. Groups and
messages written for these tests (a river anglers' club, a rooftop vegetable group, a tea group with no selling grant)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import REMOVED, Label
from copilot.moderation.pipeline import made_grant
from copilot.profile import parse_profile_text

ANGLERS = """
name: 瓯江钓友会
positioning: 温州瓯江一带的钓友交流钓点、钓法和渔获，允许群友卖自己钓的鱼和自己做的钓具
topics: [钓点, 台钓, 矶钓, 渔获, 钓具, 浮漂, 子线]
audience: 温州的钓鱼爱好者
type: 兴趣型
banned: [渔具店广告, 微商]
"""

ROOFTOP = """
name: 重庆楼顶菜园群
positioning: 重庆在楼顶和阳台种菜的邻居交流育苗、浇水和防虫，成员可以出售自己种的菜
topics: [楼顶种菜, 育苗, 浇水, 防虫, 黄瓜, 豇豆]
audience: 重庆的城市种菜爱好者
type: 兴趣型
"""

TEA = """
name: 武夷岩茶品饮群
positioning: 喜欢岩茶的朋友交流冲泡、品鉴和山场知识
topics: [岩茶, 冲泡, 品鉴, 山场, 肉桂, 水仙]
audience: 岩茶爱好者
type: 兴趣型
banned: [卖茶广告, 微商]
"""

say = partial(say, gap=120)


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


def test_a_grant_by_verb_covers_its_kind_and_only_granted_kinds() -> None:
    made = made_grant("温州瓯江一带的钓友交流钓点，允许群友卖自己钓的鱼和自己做的钓具")
    assert made is not None
    assert made.search("自己绑的子线") and made.search("我钓的黑鲷") and made.search("自己削了几支浮漂")
    assert not made.search("自己种的豇豆")  # growing is not granted there
    assert made_grant("喜欢岩茶的朋友交流冲泡、品鉴和山场知识") is None
    assert made_grant("不允许成员卖自己做的东西") is None  # a negated grant grants nothing


@pytest.mark.parametrize("text", [
    "自己绑的子线，群友4块一板，要的加V",
    "我钓的黑鲷，今早刚上岸，三斤多，80拿走，微信 oujiang_diao",
    "自己削的巴尔杉木浮漂，25一支包邮，微信 piao_wz2020",
])
def test_an_anglers_own_catch_or_tackle_is_not_deleted(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, ANGLERS), text)
    assert v.action not in REMOVED, v.reason


def test_own_vegetables_sent_post_free_are_not_deleted(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, ROOFTOP), "自己种的豇豆摘了一大篮，6块一斤包邮，电话13618204473")
    assert v.action not in REMOVED, v.reason


@pytest.mark.parametrize("text", [
    "渔具批发，鱼竿浮漂全品类，厂家直供，全国包邮，加微信 yuju_wz888",
    "自己做的浮漂，全国包邮，量大从优，可以一件代发，微信 piao_pifa66",
])
def test_a_dealer_in_the_anglers_group_stays_an_ad(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, ANGLERS), text)
    assert v.label == Label.AD and v.action in REMOVED, v.reason


def test_without_the_grant_a_members_own_sale_with_a_handle_stays_an_ad(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, TEA), "自己做的岩茶，60一泡包邮，微信 yancha_wy9")
    assert v.label == Label.AD and v.action in REMOVED, v.reason


OWNERS = """
name: 金桂园业主群
positioning: 金桂园小区业主交流物业、报修、停车和邻里互助
topics: [物业, 报修, 停车, 电梯, 邻里互助]
audience: 金桂园业主和租户
type: 互助型
banned: [房产中介广告, 商家广告]
"""


def test_a_homeowner_who_will_not_use_an_agent_is_not_deleted_as_one(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, OWNERS), "我家那套三居想卖，不想找中介，有意的邻居私聊我")
    assert v.action not in REMOVED, v.reason


def test_an_agents_offer_in_the_owners_group_stays_an_ad(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, OWNERS), "金桂园二手房急售，专业中介一对一服务，看房电话 13905718826")
    assert v.label == Label.AD and v.action in REMOVED, v.reason
