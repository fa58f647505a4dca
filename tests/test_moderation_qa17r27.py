"""Classes from the round-43 fresh QA (qa17r27), with messages written for these tests: a work's title that holds a
rude word (《天才白痴钱》, an album) is no abuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import Moderator
from copilot.moderation.signals import detect
from copilot.profile import parse_profile_text

RECORDS = parse_profile_text("""
name: 老唱片交换群
positioning: 黑胶和CD爱好者交流唱片、唱机、听感，群友之间可以换碟
topics: [黑胶, CD, 唱机, 唱片, 专辑]
""")


def _mod() -> Moderator:
    return Moderator(Settings(llm_provider="offline", data_dir=Path("/nonexistent")), RECORDS, audit=None)


@pytest.mark.parametrize("text", ["今晚放《傻瓜的爱情》那张原版黑胶，有人想听吗", "刚收到〈笨蛋〉的日版CD，音质比想象中好"])
def test_a_rude_word_inside_a_works_title_is_no_abuse(text: str) -> None:
    assert not detect(normalise(text)).names("abuse")
    v = _mod().moderate({"user": "u2", "text": text})
    assert v.label != "abuse"


def test_the_same_word_outside_the_title_is_still_abuse() -> None:
    text = "你才是傻瓜，《傻瓜的爱情》都没听过还来装懂"
    assert "insult" in detect(normalise(text)).names("abuse") or "rude" in detect(normalise(text)).names("abuse")
