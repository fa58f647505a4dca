"""Round 62 (issue 13, speed on long exports): :func:`copilot.notes.structure._round_answers` checks whether a
question is still open (not closed, asked by someone else) before reading its answer for a member's own story, so the
questions a speaker asked themself are never read again on each of their later lines; which question each round
clause answers is unchanged. The chat below (a knitting circle whose host asks the group first) was written for
this test."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest
from chat_lines import chat_lines

from copilot.devtools.patching import patch_everywhere
from copilot.notes import pairing
from copilot.notes.pairing import find_qa

_msgs = partial(chat_lines, start=datetime(2026, 12, 6, 19, 30))

_OPENING = ("毛线团-阿珍|今天聊聊冬天的围巾，问题都发群里，我最后一起答",)
_HOST_ASKS = ("毛线团-阿珍|第{n}次活动大家想在周几？", "小禾|第{n}次我想周六下午，我家上次周日去的人少")
_ROUND = (
    "小禾|平针织出来总是卷边，怎么办",
    "阿桂|新手用几号针合适？",
    "毛线团-阿珍|都记着呢，等下一起回答",
    "毛线团-阿珍|关于卷边的问题：两边各留三针织起伏针，就不会卷了",
    "毛线团-阿珍|关于几号针的问题：新手用5号竹针，配粗一点的线",
)


def _chat(host_questions: int) -> tuple[str, ...]:
    asked = tuple(line.format(n=n) for n in range(1, host_questions + 1) for line in _HOST_ASKS)
    return _OPENING + asked + _ROUND


def test_the_round_still_answers_each_member_question() -> None:
    qa = {p.asker: (p.answerer, p.answer) for p in find_qa(_msgs(*_chat(6)), "话题讨论", ["毛线团-阿珍"], "毛线团-阿珍")}
    assert qa["阿桂"][0] == "毛线团-阿珍" and "5号竹针" in qa["阿桂"][1]
    assert qa["小禾"][0] == "毛线团-阿珍" and "起伏针" in qa["小禾"][1]


def test_a_speakers_own_questions_are_not_read_for_stories_on_their_round(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    story_only = pairing._story_only

    def counting(q: pairing._Open, speaker: str) -> bool:
        seen.append((q.msg.speaker, speaker))
        return story_only(q, speaker)

    patch_everywhere(monkeypatch, "_story_only", counting)
    for host_questions in (4, 8, 16):
        seen.clear()
        find_qa(_msgs(*_chat(host_questions)), "话题讨论", ["毛线团-阿珍"], "毛线团-阿珍")
        assert seen, "the members' answered questions are still checked"
        assert sum(asker == speaker for asker, speaker in seen) == 0
