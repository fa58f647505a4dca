"""A poll the group holds about its own choice is not vote-canvassing spam; a plea for someone's own entry is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

RUNNERS = """
name: 滨江夜跑团
positioning: 滨江跑友交流跑步训练、装备和伤病恢复，每月一次拉练
topics: [跑步, 配速, 跑鞋, 马拉松, 拉练]
"""


@pytest.mark.parametrize("text", [
    "月度拉练路线大家投个票：A九溪 B龙井，群投票已发，每人一票",
    "跑团队服颜色投票开始了，大家帮忙投一下，在群公告里",
])
def test_the_groups_own_poll_is_not_spam(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(RUNNERS).moderate(text)
    assert v.label == "ok", v.reason
    assert "群里自己的投票" in v.reason


@pytest.mark.parametrize("text", [
    "大家帮我投一票，群公告里有链接，每人一票，投完发红包",
    "帮我女儿投个票吧，每人一票，少儿绘画比赛12号 https://vote.example.cn/12",
])
def test_a_plea_for_ones_own_entry_is_still_spam(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(RUNNERS).moderate(text)
    assert v.label == "spam", v.reason
    assert v.action in ACTED
