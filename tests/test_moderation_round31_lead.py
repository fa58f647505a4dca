"""Round 31, found by a new tester's groups (qa17r9), fixed by the lead: a message that opens by thanking the host,
the teacher or a member is the group's own courtesy, never off-topic — unless a chatter topic is in it too.
Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

POTTERY = """
name: 周末陶艺体验课学员群
positioning: 陶艺工作室的学员交流拉坯、修坯、上釉和烧制，老师每周发课程安排
topics: [拉坯, 修坯, 上釉, 烧窑, 泥料, 课程]
events:
  - title: 周六体验课
    cadence: 每周六
    time: "14:00"
"""


@pytest.mark.parametrize("text", [
    "谢谢林老师 今天终于拉出一个像样的碗了",
    "阿敏辛苦了 今天玩得好开心🙏",
    "多谢晒老师耐心教 下次再嚟",
])
def test_thanks_to_the_host_or_teacher_is_not_off_topic(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(POTTERY, text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", [
    "谢谢大家推荐 昨晚那部电视剧追完了 结局太好哭了",
    "感谢群主 周末一起去吃火锅吗",
])
def test_thanks_beside_a_chatter_topic_is_still_read(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(POTTERY, text).label == "off_topic"
