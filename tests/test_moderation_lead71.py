"""Round 71, lead (issue 17): a profile's banned item lists the objects of one act (「攻击老师或其他家长、孩子」); split at
「、」 its last part 孩子 became a banned word of its own — and 孩子 is what a parents' group talks about, so a carpool offer
for the children was deleted as 「群规禁止孩子」 (a fresh tester's class group). A later part that names the group's own
subject takes the first part's act (攻击孩子), or is dropped when that part has none; other alternatives (代写论文/代考,
网贷/口子) are read as before. Groups and messages written for these tests."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import REMOVED, Label
from copilot.moderation.pipeline import own_things_grant
from copilot.moderation.signals import banned_terms
from copilot.profile import parse_profile_text

CLASS = """
name: 育才小学四（1）班家长群
positioning: 班主任发布通知、作业和活动，家长沟通孩子在校学习、接送和班级事务
topics: [班级通知, 作业, 孩子在校学习, 接送与请假, 家委会]
audience: 四（1）班家长和任课老师
type: 家校沟通群
banned:
  - 广告、拉票、砍价链接
  - 攻击老师或其他家长、孩子
"""

SWIM = """
name: 海豚游泳训练营家长群
positioning: 周末游泳课的家长交流上课安排、孩子的训练进度
topics: [上课安排, 训练进度, 学员, 泳池开放时间]
audience: 训练营学员家长
type: 服务型
banned: [推销泳衣泳镜、学员, 辱骂教练、学员]
"""

say = partial(say, gap=90)


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


def test_a_part_naming_the_groups_subject_takes_the_items_act() -> None:
    topics = ("班级通知", "作业", "孩子在校学习", "接送与请假")
    assert banned_terms(["攻击老师或其他家长、孩子"], topics) == ["攻击孩子", "攻击老师或其他家长"]
    assert banned_terms(["广告、拉票、砍价链接"], topics) == ["广告", "拉票", "砍价链接"]
    # the first part opens with no act (推销 is read as the verb, 泳衣泳镜 not): 学员 alone is dropped, not banned
    assert "学员" not in banned_terms(["泳衣泳镜、学员"], ("学员",))
    assert banned_terms(["辱骂教练、学员"], ("学员",)) == ["辱骂学员", "辱骂教练"]
    # without topics, or with parts the group does not talk about, alternatives stay alternatives
    assert banned_terms(["代写论文/代考", "网贷/口子"]) == ["代写论文", "代考", "口子", "网贷"]
    assert banned_terms(["卖保健品、药品"], topics) == ["卖保健品", "药品"]


@pytest.mark.parametrize("text", [
    "我们三栋有三个孩子，想组个上下学拼车，有意向的家长联系我",
    "谢谢王老师这学期对孩子的照顾，孩子回家说最喜欢上数学课",
    "孩子明天发烧请假一天，作业周四补交可以吗",
])
def test_parents_talking_about_their_children_are_not_cited_for_a_banned_word(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, CLASS), text)
    assert v.action not in REMOVED, v.reason
    assert v.label is not Label.AD, v.reason
    assert "孩子" not in " ".join(s["detail"] for s in v.checks["signals"] if s["name"] == "banned")


def test_the_items_other_parts_still_count(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, CLASS), "家人们帮我砍一刀，砍价链接在这 https://p.pinduoduo.com/x8Ka")
    assert v.action in REMOVED, v.reason
    assert any(s["name"] == "banned" and "砍价链接" in s["detail"] for s in v.checks["signals"]), v.reason
    v = say(_mod(tmp_path, CLASS), "你这种家长就会攻击孩子，真不配当妈", n=1)
    assert v.label is Label.ABUSE, v.reason


CHOIR = """
name: 银杏社区老年合唱团
positioning: 社区退休老人的合唱团，发排练通知、请假、分享歌谱和伴奏
topics: [排练通知, 请假, 声部练习, 歌谱, 伴奏]
audience: 社区退休居民
type: 兴趣型
"""


@pytest.mark.parametrize("text", [
    "重要！！！明天开始手机不能转账了，赶紧告诉家里人，转发给十个群！",
    "这三种菜吃了等于吃砒霜！赶紧转给家人",
])
def test_hoax_notices_asked_to_be_spread_are_chain_letters(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, CHOIR), text)
    assert v.label is Label.SPAM and v.action in REMOVED, v.reason
    assert any(s["detail"].startswith("转发链") for s in v.checks["signals"]), v.reason


@pytest.mark.parametrize("text", [
    "银行系统升级，今晚11点到12点不能转账，大家注意安排",  # a notice nobody is asked to spread
    "物业通知：明天上午9点到12点停水，请大家提前储水",
    "这个菜谱我转发给十个老姐妹了，大家都说好吃",  # a count, but nothing to scare with
])
def test_notices_and_counts_without_a_hoax_are_not(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, CHOIR), text)
    assert v.label is not Label.SPAM, v.reason


BEES = """
name: 大别山中蜂养殖交流群
positioning: 养中华蜜蜂的散户交流饲养、病害防治和分蜂收捕，也允许成员卖自家的蜂蜜和闲置蜂具
topics: [中蜂饲养, 分蜂, 病害防治, 越冬, 蜂蜜采收, 蜂具]
audience: 大别山一带养中蜂的农户
type: 兴趣型
"""


def test_own_things_grant_reads_the_thing_the_positioning_lets_members_sell() -> None:
    grant = own_things_grant("养中华蜜蜂的散户交流饲养，也允许成员卖自家的蜂蜜和闲置蜂具")
    assert grant is not None
    assert grant.search("自家土蜂蜜") and grant.search("我家今年的蜂蜜")
    assert not grant.search("我这有蜜")  # 我 alone and the name's last character are no household thing
    assert own_things_grant("养中华蜜蜂的散户交流饲养和病害防治") is None  # nothing granted
    assert own_things_grant("不允许成员卖自家的蜂蜜") is None  # a negated grant grants nothing


@pytest.mark.parametrize("text", [
    "自家土蜂蜜 60元一斤 加我微信 dabie_feng8",
    "自己家的百花蜂蜜，今年摇了二十斤，80一斤，要的私聊",
])
def test_a_members_own_honey_is_not_deleted_where_the_profile_allows_it(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, BEES), text)
    assert v.action not in REMOVED, v.reason


@pytest.mark.parametrize("text", [
    "大别山野生土蜂蜜批发，厂家直供，一件代发，加微信 fengmi888",
    "自家蜂蜜，全国包邮，量大从优，微信 mi_66688",
])
def test_dealers_of_honey_are_still_deleted(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, BEES), text)
    assert v.label is Label.AD and v.action in REMOVED, v.reason


ASTRO = """
name: 星野业余天文观测群
positioning: 业余天文爱好者交流观测、器材和拍摄，组织野外观星
topics: [观测, 望远镜, 天文摄影, 星图, 观星活动]
audience: 天文爱好者
type: 兴趣型
"""


@pytest.mark.parametrize("text", ["女的玩什么天文，回家做饭去吧", "你一个女的懂什么望远镜，回家洗碗去吧"])
def test_sending_a_member_home_to_the_kitchen_is_abuse(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, ASTRO), text)
    assert v.label is Label.ABUSE, v.reason


def test_going_home_to_cook_oneself_is_not(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, ASTRO), "今天先到这，我回家做饭去了，晚上再看星星")
    assert v.label is Label.OK, v.reason
