"""Round 63, d17e63 (the verdicts qa17r47 left open): a death wish aimed at a person (你这种人…早点死了算了) is abuse
acted on, not only sent for review; the same words said of oneself, of a relative in a plea for help, of wrongdoers
outside the group, or giving up a hope (死心) name no member. Messages and profile written for these tests."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Action, Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

KIDNEY = """name: 城南医院肾友互助群
positioning: 血液透析病友和家属交流控水饮食、排班、医保报销，互相打气
topics: [透析, 血透, 控水, 饮食, 血钾, 排班, 医保]
audience: 在城南医院透析的病友和家属
platform: 微信
banned: [偏方, 卖肾]
"""

_T = itertools.count()


def _judge(tmp_path: Path, text: str):
    mod = Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(KIDNEY),
                    dry_run=True)
    return mod.moderate({"id": "m", "user": f"wxid_{next(_T)}", "text": text})


@pytest.mark.parametrize("text", [
    "你这种人就是拖累家里，早点死了算了",
    "像你这样的人怎么还不死，天天在群里抱怨",
    "你活着就是浪费医保的钱，还不如死了",
])
def test_death_wish_at_a_person_is_abuse_acted_on(tmp_path: Path, text: str) -> None:
    v = _judge(tmp_path, text)
    assert v.label == Label.ABUSE
    assert v.action in (Action.WARN, Action.DELETE)


@pytest.mark.parametrize("text", [
    "今天透析完累死了，回家就睡",
    "笑死我了，护士长说我控水控得最好",
    "我妈说她透析太痛苦，早点死了算了，我该怎么劝她",
    "你怎么还不死心，肾源排队要好几年",
    "那些卖假药的骗子怎么不去死",
])
def test_death_words_not_at_a_member_are_no_abuse(tmp_path: Path, text: str) -> None:
    assert _judge(tmp_path, text).label != Label.ABUSE
