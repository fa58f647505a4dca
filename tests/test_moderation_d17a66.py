"""Round 66, d17a66 (issue 17, off-topic F1): a trade's own group — its profile says its members work the same job
(集卡司机, 保安, 月嫂) — talks of its working day in everyday words: a queue at the port gate, the truck's yearly
inspection, a customer, the night shift, the pay. With no chatter topic and no life errand, that talk is the group's
business, not chatter sent to review. The same words in a hobby group, and real chatter in a trade's group, are still
off-topic. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import say

from copilot.moderation import Moderator
from copilot.moderation.labels import Label
from copilot.moderation.offtopic import OffTopicDetector
from copilot.profile import parse_profile_text

PORT = """
name: 宁波北仑集卡司机互助群
positioning: 跑北仑港的集卡司机互相通报进港排队、提箱、查车和修车，忙不过来时互相转单，不许发挂靠收费广告
topics: [集卡, 提箱, 进港, 堆场, 转单]
audience: 北仑港的集卡司机和车主
type: 互助型
"""

GUARDS = """
name: 滨江写字楼保安互助群
positioning: 在滨江各写字楼做保安的兄弟互相换班、提醒巡逻和消防检查，介绍靠谱的物业公司
topics: [保安, 巡逻, 消防, 门岗, 监控]
audience: 滨江一带的物业保安
type: 互助型
"""

MATERNITY = """
name: 杭州月嫂姐妹互助群
positioning: 做月嫂和育婴的姐妹互相介绍单子、交流新生儿护理和上户经验，提醒难相处的东家
topics: [月嫂, 育婴, 新生儿, 上户, 产妇]
audience: 杭州做月嫂的姐妹
type: 互助型
"""

READING = """
name: 城西周末读书会
positioning: 每周读一本书，交流读后感和推荐好书
topics: [读书, 读后感, 小说, 作者, 书单]
audience: 城西喜欢读书的上班族
type: 兴趣型
"""

T0 = 1_767_225_600.0
_say = partial(say, t0=T0)


@pytest.mark.parametrize(("profile", "text"), [
    (PORT, "梅山那个闸口排了四十多辆车，下午去的兄弟晚点出发"),
    (PORT, "下个月车要年审了，谁知道北仑哪家检测站快一点"),
    (PORT, "刚在服务区捡到一个行驶证，姓陈的师傅，在加油站那边等你"),
    (GUARDS, "今晚的夜班我去不了，谁能帮我替个班，下次我还你"),
    (GUARDS, "中介那边说这个月工资要晚几天发"),
    (MATERNITY, "这家的东家特别讲究，奶瓶要用开水烫三遍"),
])
def test_the_trades_working_day_is_its_groups_business(profile_moderator: Callable[[str], Moderator],
                                                         profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="老会员")
    assert v.label != Label.OFF_TOPIC, v.reason


def test_the_reason_names_the_work_and_the_trade() -> None:
    d = OffTopicDetector(parse_profile_text(PORT))
    assert d.trade and "司机" in d.trade
    assert d._work_scene("下个月车要年审了，谁知道北仑哪家检测站快一点") == ["年审", "检测站"]
    assert d._work_scene("今天堆场提了三个箱") == []  # no word of a working day's scenes: the topics decide that one


@pytest.mark.parametrize(("profile", "text"), [
    (PORT, "今晚的球赛谁赢了，我在路上没看到"),
    (GUARDS, "我家孩子明天开家长会，不知道该穿什么"),
    (MATERNITY, "最近在追一部古装剧，剧情挺好看的，推荐给大家"),
])
def test_chatter_in_a_trades_group_is_still_off_topic(profile_moderator: Callable[[str], Moderator],
                                                      profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="老会员")
    assert v.label == Label.OFF_TOPIC, v.reason


@pytest.mark.parametrize("text", [
    "下个月车要年审了，谁知道北仑哪家检测站快一点",
    "中介那边说这个月工资要晚几天发",
])
def test_work_words_tie_nothing_in_a_group_of_no_trade(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    assert not OffTopicDetector(parse_profile_text(READING)).trade
    v = _say(profile_moderator(READING), text, user="老会员")
    assert v.label == Label.OFF_TOPIC, v.reason
