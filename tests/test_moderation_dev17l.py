"""Round 32, dev17l (issue 17): qa17r9's failure classes, fixed by method. Who the members are and where they meet
(an audience or place word of the profile) does not make a message on-topic by itself; insults without swear
words aimed at a person are abuse, never answered with a chatter reply; ads in a group's own theme, pirated copies
under another name, spaced-out handles and quoted reply codes; members' cost tips, swaps and buyer's questions; chain
letters with a link. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

KAYAK = """
name: 西溪皮划艇俱乐部
positioning: 杭州喜欢划皮划艇和桨板的大人小孩一起练划桨、学自救、约周末划行，交流船桨和救生衣的选购保养
topics: [皮划艇, 桨板, 划桨, 救生衣, 翻船自救, 划行路线]
audience: 杭州西溪一带的水上运动爱好者和带孩子的家庭
locality: 杭州·留下镇
events:
  - title: 周日湿地划行
    kind: 线下活动
    cadence: 每周日
    time: "09:00"
    place: 西溪湿地公园周家村码头
    host: 老岳
    signup: 群接龙
    details: 新手先在码头练半小时；风大或下暴雨取消，早上7点群里通知；必须穿救生衣。
"""

CHICKENS = """
name: 散养土鸡交流群
positioning: 业余养土鸡的鸡友交流孵化、育雏、防疫和鸡舍搭建；鸡友可以交换种蛋
topics: [土鸡, 孵化, 育雏, 鸡舍, 防疫, 种蛋]
audience: 在农村老家或城郊院子里散养几只到几十只鸡的业余鸡友
"""


# -- audience and place words back up a topic, they are no topic themselves ----------------------------------------
@pytest.mark.parametrize("profile, text", [
    (KAYAK, "孩子最近老咳嗽 去医院查了说是支原体 大家家里有没有"),       # 孩子 of 带孩子的家庭
    (KAYAK, "留下镇那边房价最近跌了 有人在看房吗"),                        # 留下镇 of the locality
    (KAYAK, "公园旁边的楼盘开盘了 均价四万多 房价是不是要涨了"),          # 公园 of the event's place
    (CHICKENS, "农村现在办养老保险一年交多少 我爸让我问问"),              # 农村 of the audience
])
def test_an_audience_or_place_word_alone_does_not_make_it_on_topic(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "off_topic", v.reason


@pytest.mark.parametrize("profile, text", [
    (KAYAK, "周日我带孩子来 第一次划 救生衣需要自己带吗"),              # 孩子 beside the topic
    (KAYAK, "周家村码头那边停车方便吗 周日第一次去"),                      # the event's own place, rarer than 公园
    (CHICKENS, "老家院子里的鸡开始啄毛了 是不是缺盐 怎么办"),             # 老家 beside the domain object 鸡
    (CHICKENS, "城郊冬天鸡舍要不要加灯 产蛋少了"),
])
def test_an_audience_or_place_word_beside_the_groups_subject_stays_on_topic(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason
