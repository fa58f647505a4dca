"""Round 68, d17b68 (issue 17): a member the group knows (a record of messages let through) selling one thing of their
own and asking to be reached in private (有兴趣的私我) names no handle at all — fewer ways to reach them than the one a
one-off sale may give, not more (pipeline._one_off_terms, ``unnamed_reach``). Such a sale is the member's own sale:
labelled ok and shown to a person, no longer an ad. A stranger's same message, a price list or a second handle stay ads.
Group and messages written for these tests (a cycling club)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import Label
from copilot.profile import parse_profile_text

CYCLING = """
name: 周末骑行俱乐部
positioning: 同城骑友约周末骑行路线、交流单车保养和装备
topics: [骑行, 单车, 路线, 爬坡, 变速, 链条, 轮胎, 头盔, 保养]
audience: 同城骑友
type: 兴趣型
"""

say = partial(say, gap=90)

OWN_BIKE = "换了新车，旧的那辆公路车出了，骑了两年，保养得不错，3500，有兴趣的私我"


def _mod(tmp_path: Path) -> Moderator:
    """An offline moderator with its own data directory (no verdict of another run is replayed)."""
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(CYCLING))


def _with_record(mod: Moderator, user: str) -> None:
    say(mod, "周六早上七点东湖绿道集合，骑六十公里，记得带头盔和水", n=0, user=user)
    say(mod, "上次爬坡变速老掉链，后来把后拨的限位螺丝调了一下就好了", n=1, user=user)


def test_a_known_members_own_sale_asked_in_private_is_not_an_ad_but_a_person_looks(tmp_path: Path) -> None:
    mod = _mod(tmp_path)
    _with_record(mod, "qi")
    v = say(mod, OWN_BIKE, n=2, user="qi")
    assert v.label == Label.OK, v.reason
    assert v.action == "review"
    belongs = v.checks["belongs"]
    assert belongs["own_sale"] and belongs["record"] and belongs["offer"]["for_money"]
    assert "不算广告" in v.reason


def test_the_same_sale_from_a_member_with_no_record_stays_an_ad(tmp_path: Path) -> None:
    v = say(_mod(tmp_path), OWN_BIKE, n=0, user="stranger")
    assert v.label == Label.AD
    assert "belongs" not in v.checks


@pytest.mark.parametrize("text", [
    "旧的两辆车都出了，公路车3500，山地车1200，有兴趣的私我",  # a price list
])
def test_a_known_member_past_a_one_off_sales_terms_asked_in_private_stays_an_ad(tmp_path: Path, text: str) -> None:
    mod = _mod(tmp_path)
    _with_record(mod, "qi")
    v = say(mod, text, n=2, user="qi")
    assert v.label == Label.AD, v.reason
    assert "不算广告" not in v.reason
