"""Round 69 (lead), from the fresh tester qa17r12: a message of nothing but unseen characters (zero-width spaces, a word
joiner) is as empty as no text — told as 空消息, never judged as a greeting; a threat of violence or of shaming aimed at a
person without a swear word (我找人去你家里堵你, 把你照片挂到所有群里) is abuse, while the same words about traffic,
a photo wall or a product are not. Group and messages written for these tests (a village clinic's patients' group)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import REMOVED, Action, Label
from copilot.profile import parse_profile_text

CLINIC = """
name: 石桥村卫生室患者群
positioning: 卫生室通知门诊时间、疫苗接种、慢病随访，村民咨询看病拿药
topics: [门诊, 疫苗, 血压, 血糖, 随访, 拿药, 体检]
audience: 石桥村村民和家属
type: 其他
"""

say = partial(say, gap=600)


def _mod(tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(CLINIC))


@pytest.mark.parametrize("text", ["\u200b\u200b\u200b", "\u200b \u2060\ufeff", "\u200d"])
def test_only_unseen_characters_is_an_empty_message(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path), text)
    assert (v.label, v.reason) == (Label.OK, "空消息，不处理")
    assert v.checks["normalise"] == {"empty": True, "invisible": len(text)}


def test_a_truly_empty_message_says_nothing_of_unseen_characters(tmp_path: Path) -> None:
    assert say(_mod(tmp_path), "  ").checks["normalise"] == {"empty": True}


@pytest.mark.parametrize("text", [
    "吴护士你再敢说我插队，我找人去你家里堵你",
    "不退钱我就把你照片挂到所有群里，让大家都看看",
    "姓陈的你给我记住，下了班我找人收拾你",
])
def test_a_threat_to_a_person_is_abuse_and_acted_on(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path), text)
    assert v.label == Label.ABUSE, v.reason
    assert v.action in REMOVED | {Action.WARN}, (v.action, v.reason)  # deleted (and warned), not only reviewed
    assert "威胁" in v.reason


@pytest.mark.parametrize("text", [
    "明天早上七点去县医院的路口会不会堵？我怕堵车赶不上复查",
    "卫生室门口的宣传栏把体检照片挂出来了，大家可以去看看",
    "血压计的说明书我拍照挂到群文件里了",
])
def test_the_same_words_about_traffic_or_a_notice_board_are_not_threats(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path), text)
    assert v.label != Label.ABUSE, v.reason
