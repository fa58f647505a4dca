"""Round 74, d17b74 (issue 17): a place of business newly opened somewhere (县城新开了家火锅店, 楼下新开的那家牛肉面) in a
message nothing ties to the group and the chatter model reads as no chatter is that place's news: labelled off-topic for
a person to look at (relevance.yaml new_venue, offtopic.OffTopicDetector._opened_elsewhere), never a reminder in public.
A new place of the group's own kind (新开的书场 with 评弹 in a 评弹 group), a group about eating out (探店), and forms that name
no venue (新开的鱼缸, 新开了个群) stay as they were. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.normalise import normalise
from copilot.moderation.offtopic import _new_venue_rule

PINGTAN = """
name: 苏州评弹票友群
positioning: 苏州的评弹爱好者交流弹词开篇、唱腔和琵琶三弦伴奏，每周六下午在光裕书场听书
topics: [评弹, 弹词, 开篇, 唱腔, 三弦, 琵琶]
audience: 苏州的评弹票友
platform: wechat
events:
  - {title: 周六听书, kind: 线下活动, cadence: 每周六, time: "14:00", place: 光裕书场}
"""

PHOTO = """
name: 青岛胶片摄影交流群
positioning: 青岛的胶片摄影爱好者交流相机、胶卷、冲扫和扫街拍摄
topics: [胶片, 相机, 胶卷, 冲扫, 扫街, 构图]
audience: 青岛玩胶片的摄影爱好者
platform: wechat
"""

FOODIE = """
name: 上海杨浦探店美食群
positioning: 杨浦区的吃货分享探店心得、新开的馆子和人均价格
topics: [探店, 美食, 人均, 排队, 口味]
audience: 杨浦区爱吃的人
platform: wechat
"""


@pytest.mark.parametrize("profile, text", [
    (PINGTAN, "南门新开了一家螺蛳粉，酸笋味特别足，就是有点辣"),
    (PINGTAN, "小区对面新开了家药店，量血压不要钱"),
    (PHOTO, "地铁站旁边新开了家面馆，一碗十八"),
])
def test_a_new_place_elsewhere_is_labelled_off_topic_for_review(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == Label.OFF_TOPIC, v.reason
    assert v.action not in ACTED, v.reason
    assert "新开" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (PINGTAN, "观前街新开的书场周六有评弹专场，有人一起去听吗"),
    (PINGTAN, "周六下午要是下大雨，光裕书场还去吗？"),
    (FOODIE, "五角场新开了一家烤肉，人均八十，周末去探探"),
    (PHOTO, "新开的那家冲扫店扫描精度怎么样，有人试过吗"),
])
def test_a_new_place_of_the_groups_own_kind_stays_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != Label.OFF_TOPIC, v.reason


@pytest.mark.parametrize("text, named", [
    ("县城新开了家火锅店，味道一般", True),
    ("铜锣湾新開嗰間拉麵好好食", True),
    ("徐家汇新开的商场周末有活动吗", True),
    ("新开的鱼缸第三天水就发白了", False),
    ("新开了个交流群，大家进来聊", False),
    ("这批货是新开的，店里还有", False),
])
def test_the_new_venue_form_needs_a_venue_in_the_same_clause(text: str, named: bool) -> None:
    assert bool(_new_venue_rule()[0].search(normalise(text).folded)) is named
