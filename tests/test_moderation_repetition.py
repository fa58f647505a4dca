"""A repeated run is a flood when it is the message; beside the writer's own words it is emphasis."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

CYCLISTS = """
name: 西山骑行队
positioning: 骑友交流公路车训练、路线和装备，每周日早上约骑
topics: [公路车, 爬坡, 踏频, 路线, 约骑]
"""


def test_laughter_beside_own_words_is_not_spam(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(CYCLISTS).moderate("哈哈哈哈哈哈哈哈哈哈哈哈哈哈，老王爬坡那段视频笑死我了，踏频快赶上缝纫机")
    assert v.label != "spam", v.reason
    assert v.action not in ACTED


@pytest.mark.parametrize("text", ["哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈", "约骑约骑约骑约骑约骑约骑约骑约骑约骑约骑 冲"])
def test_a_message_that_is_repetition_is_still_spam(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    assert profile_moderator(CYCLISTS).moderate(text).label == "spam"
