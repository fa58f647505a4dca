"""qa17e's misses that a lexicon entry settles, each with the look-alike that must stay clean: a WeChat id
written after a full-width ``Ｗ：`` label, and 你他妈 (but not 他妈妈, someone's mother)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

STARS = """
name: 城郊观星小组
positioning: 业余天文爱好者交流目视观测、星野摄影和外出观星的安排
topics: [观星, 望远镜, 星野, 赤道仪, 星云, 光污染]
"""


@pytest.mark.parametrize("text", ["Ｗ：ｍｅｄａｌ６６６ 需要的加", "w：star_gear88 望远镜配件要的私"])
def test_a_handle_after_a_w_label_is_a_contact(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(STARS).moderate(text)
    assert v.label == "ad" and "联系方式" in v.reason, v.reason


@pytest.mark.parametrize("text", ["这块移动电源是20W：给赤道仪供电一晚够了", "他妈妈住院了，这周的观星活动他来不了"])
def test_look_alikes_stay_clean(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(STARS).moderate(text)
    assert v.label == "ok" and v.action not in ACTED, v.reason


def test_a_swear_at_a_member_is_abuse(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(STARS).moderate("你他妈是不是瞎，那是木星不是土星")
    assert v.label == "abuse", v.reason
