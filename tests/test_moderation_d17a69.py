"""Round 69, d17a69 (issue 17): a phone written in groups of digits (137 2233 6655, 137-2233-6655) is no bare price.
pipeline._without_contacts takes a message's contacts out before a bare number is read as a price (pipeline._priced);
it looked for each contact in its listed form (kind and masked value: 手机号 137****6655), which never occurs in the text,
so the groups of a spaced phone read as three prices and a known member's handle-only post of their own old rod looked
priced (an offer for money: still an ad). The number is now taken out as written. Group and messages written for these
tests (an anglers' group)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import _priced, quick_analysis
from copilot.profile import parse_profile_text

FISH = """
name: 西湾水库钓友群
positioning: 西湾水库附近的钓友约钓位、聊鱼情和饵料配方，钓友之间出自己用过的钓具可以，不许发渔具店广告
topics: [钓位, 鱼情, 饵料, 打窝, 浮漂, 鱼竿, 钓箱, 鲫鱼, 草鱼]
audience: 附近的钓友
type: 兴趣型
"""

say = partial(say, gap=90)


def _member(tmp_path: Path) -> Moderator:
    """An offline moderator of the group where member x1 has posted twice before (a record)."""
    mod = Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(FISH))
    say(mod, "今早西湾北岸草鱼开口了，玉米打窝效果不错", n=0, user="x1")
    say(mod, "浮漂调四钓二在这边好用，风大的时候再调高一目", n=1, user="x1")
    return mod


def test_a_known_members_own_rod_with_a_spaced_phone_is_not_read_as_priced(tmp_path: Path) -> None:
    v = say(_member(tmp_path), "我那根3米6的手竿换新的了，用了一年，要的打我电话 137 2233 6655", n=2, user="x1")
    assert v.label == Label.OK, v.reason
    assert v.action == "review"  # a person still looks (nothing_sold)
    assert v.checks["belongs"]["offer"]["priced"] is False and v.checks["belongs"]["nothing_sold"]


@pytest.mark.parametrize(("text", "priced"), [
    ("旧钓箱不用了，要的打我电话 137 2233 6655", False),
    ("旧钓箱不用了，要的打我电话 137-2233-6655", False),
    ("旧钓箱80出，要的打我电话 137 2233 6655", True),  # the price stays a price beside the spaced phone
    ("月卡138，要的打我电话13722336655", True),  # a price that starts as the phone does is not taken with it
])
def test_only_the_phones_own_digits_are_taken_out_before_a_price_is_read(text: str, priced: bool) -> None:
    a = quick_analysis(text)
    assert a is not None
    assert _priced(a) is priced
