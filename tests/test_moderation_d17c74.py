"""Round 74, d17c74 (issue 17): a member's own body after the group's activity ("今日划完手臂廢咗" among dragon-boat rowers)
was read as a put-down — 废了 is an attack cue — so the remark on the member's own doings was never weighed and the chatter
model alone sent it to review as off-topic. An attack cue that is part of the member's own practice verdict (relevance.yaml
own_practice: 手臂废, 腿要废) in a message that says a rare character of the group's topics (划, 攀) is no put-down
(offtopic.OffTopicDetector._spent_body). The same verdict after a day of shopping names no activity of the group, and an
insult at another member keeps its cue. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED, Label

DRAGONBOAT = """
name: 佛山顺德龙舟训练群
positioning: 顺德的龙舟爱好者每周日早上在河涌划艇练习、做体能训练，端午前组队参加村里的龙舟赛
topics: [龙舟, 划艇练习, 体能训练]
audience: 顺德的龙舟爱好者
platform: wechat
events:
  - {title: 周日划艇练习, kind: 线下活动, cadence: 每周日, time: "06:30", place: 大良河涌码头}
"""

CLIMB = """
name: 深圳南山攀岩约攀群
positioning: 南山区的攀岩爱好者约去岩馆攀爬、交流线路和岩鞋
topics: [攀岩, 线路, 岩鞋, 约攀]
audience: 南山区返工嘅攀岩爱好者
platform: wechat
"""


@pytest.mark.parametrize("profile, text", [
    (DRAGONBOAT, "今朝划咗成个钟，手臂廢咗，返到公司打字都震🤣"),
    (DRAGONBOAT, "昨天划了八趟来回，今天腿要废了，上楼梯扶着墙"),
    (CLIMB, "今晚攀咗三个钟，手臂废了，揸方向盘都无力"),
])
def test_own_body_after_the_groups_activity_is_not_off_topic(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == Label.OK, v.reason
    assert v.action not in ACTED, v.reason


@pytest.mark.parametrize("profile, text", [
    (DRAGONBOAT, "陪老婆逛了一天商场，腿要废了，她还没买够"),
    (DRAGONBOAT, "带孩子逛了一整天动物园，腿要废了，娃还不肯走"),
])
def test_the_same_verdict_after_a_day_of_life_is_not_cleared(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != Label.OK, v.reason


def test_an_insult_at_another_member_keeps_its_cue(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(DRAGONBOAT, "你这个废物划得跟死鱼一样，别拖累我们")
    assert v.label == Label.ABUSE, v.reason
