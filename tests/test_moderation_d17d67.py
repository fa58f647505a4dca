"""Round 67, d17d67 (issue 17, speed): the topic layer looks for a group's jargon in a chatter-free message only where the
folded text holds one of the characters of the thing the group keeps — a word made of that thing must contain one. Group
and messages written for these tests (a Shaoxing pigeon racers' group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, offtopic

PIGEONS = """
name: 绍兴赛鸽俱乐部
positioning: 绍兴本地信鸽爱好者交流赛鸽训练、鸽舍管理和比赛成绩
topics: [赛鸽, 信鸽, 鸽舍, 鸽粮, 司放训练]
audience: 绍兴的养鸽人
type: 兴趣型
"""


@pytest.fixture
def jargon_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the topic layer reads for unknown words with no chatter word known (its jargon look-up)."""
    read: list[str] = []
    real = offtopic.unknown_nouns

    def recording(text: str, known: set[str] | frozenset[str] = frozenset(), odd: list[str] | None = None) -> list[str]:
        if not known:
            read.append(text)
        return real(text, known, odd)

    monkeypatch.setattr(offtopic, "unknown_nouns", recording)
    return read


def test_a_word_made_of_the_group_s_bird_is_still_its_jargon(profile_moderator: Callable[[str], Moderator],
                                                              jargon_reads: list[str]) -> None:
    # 雏鸽 is unknown to jieba and to the racing-pigeon domain words; 鸽 is what the group's topics keep (round 80: 幼鸽
    # and 换羽, this test's first words, joined the domain's words — d17b80 — so they need no jargon look-up any more)
    v = profile_moderator(PIGEONS).moderate({"id": "1", "user": "u1", "text": "今年的雏鸽掉毛掉到第几根了"})
    assert v.label == "ok", v.reason
    assert "雏鸽" in v.checks["offtopic"]["relevant"]
    assert jargon_reads == ["今年的雏鸽掉毛掉到第几根了"]


def test_a_message_without_the_group_s_bird_is_not_read_for_its_jargon(profile_moderator: Callable[[str], Moderator],
                                                                        jargon_reads: list[str]) -> None:
    v = profile_moderator(PIGEONS).moderate({"id": "2", "user": "u2", "text": "昨晚跟老同学喝到半夜，今天脑壳疼"})
    assert v.label == "off_topic", v.reason
    assert not v.checks["offtopic"].get("about_group")
    assert jargon_reads == []
