"""Round 40, dev31 (issue 17): the logistics of a group's own outing — the car-pool, the fuel and fees shared, what to
bring, a pet or a child brought along — are on-topic in a group that meets, although they name no word of its subject.
Groups and messages written for these tests (a kayak club that paddles at a reservoir, a birding walk)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

KAYAK = """
name: 青山湖皮划艇俱乐部
positioning: 周末在青山湖水库划皮划艇，新手有教练带，船和桨俱乐部提供
topics: [皮划艇, 划桨, 救生衣, 水库, 教练]
audience: 杭州的上班族和大学生
events:
  - {title: 周日湖上训练, kind: 线下活动, cadence: 每周日, time: "09:00", place: 青山湖码头, details: 船费AA}
"""


@pytest.mark.parametrize("text", [
    "城西过去的可以坐我车，还空三个位置，油费平摊",
    "我也从城西走，坐你车可以吗",
    "第一次去要带什么？换洗衣服要不要",
    "可以带狗狗一起去吗？它就在岸边等",
    "周日能带小孩去吗，他十岁了会游泳",
])
def test_the_logistics_of_the_group_s_own_outing_are_on_topic(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(KAYAK, text)
    assert v.label != "off_topic", v.reason


@pytest.mark.parametrize("text", [
    "今晚吃火锅还是烧烤，纠结死了",
    "昨晚那部电视剧的结局太烂了，编剧在想什么",
])
def test_chatter_in_a_group_that_meets_is_still_off_topic(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(KAYAK, text).label == "off_topic"


@pytest.mark.parametrize("text", [
    "笑死，你这是在湖上画圈吧",
    "哈哈哈我也是，第一次下水腿一直抖",
    "同款同款，上周也被风吹回岸边",
])
def test_a_short_reaction_naming_no_chatter_topic_is_a_reply_in_a_thread(judge: Callable[[str, str], Verdict],
                                                                        text: str) -> None:
    v = judge(KAYAK, text)
    assert v.label != "off_topic", v.reason


def test_a_reaction_that_turns_to_chatter_is_still_judged(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(KAYAK, "哈哈哈今晚不划了，约了火锅和烧烤").label == "off_topic"


@pytest.mark.parametrize("text", ["明早谁去火车站，顺路捎我一下", "春节拼车回老家，还差两个人"])
def test_a_ride_of_one_s_own_is_not_the_group_s_car_pool(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(KAYAK, text).label == "off_topic"
