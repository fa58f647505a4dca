"""Round 64 (issue 13, speed on long exports): :func:`copilot.notes.structure.find_qa` reads fewer open questions per
message, with the same answers. :func:`_round_answers` reads a question's answer for a member's own story only when
that answer is a single line (a question answered over several lines is no story's); :func:`_answers_again` looks for
the questions the speaker answered last within reach before it reads the line for a notice, question or chatter, so
the lines of members who answered nothing are not read for those at all. The bakery-class chat below was written for
this test."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest
from chat_lines import chat_lines

from copilot.devtools.patching import patch_everywhere
from copilot.notes import pairing, structure
from copilot.notes.pairing import find_qa

_msgs = partial(chat_lines, start=datetime(2026, 12, 6, 19, 0))

_TEACHER = "烘焙-林老师"
_ASKED = (
    "小米|请问{n}号面团发酵要多久？",
    f"{_TEACHER}|第{{n}}次课的面团，室温二十五度发一个小时左右",
    f"{_TEACHER}|体积到两倍大就可以了，手指戳一下不回弹",
    "阿雅|学到了，谢谢老师",
)
_AGAIN = (
    "阿冬|黄油要提前多久拿出来软化？",
    f"{_TEACHER}|我明天去超市看看黄油",
    "小米|收到",
    f"{_TEACHER}|黄油提前两个小时拿出来软化，手指能按出坑就行",
)


def _chat(rounds: int) -> tuple[str, ...]:
    return tuple(line.format(n=n) for n in range(1, rounds + 1) for line in _ASKED) + _AGAIN


def _qa(rounds: int) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for p in find_qa(_msgs(*_chat(rounds)), "话题讨论", [_TEACHER], _TEACHER):
        out.setdefault(p.asker, []).append((p.answerer, p.answer))
    return out


def test_each_question_keeps_its_answers() -> None:
    qa = _qa(6)
    assert len(qa["小米"]) == 6 and all(who == _TEACHER and "发一个小时" in text for who, text in qa["小米"])
    # the teacher's later line on the butter answers 阿冬's question again, after the first answer put it off
    assert [who for who, _ in qa["阿冬"]] == [_TEACHER] and "两个小时" in qa["阿冬"][0][1]


def test_questions_answered_over_several_lines_are_not_read_for_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    story_only = pairing._story_only

    def counting(q: pairing._Open, speaker: str) -> bool:
        read.append(len(q.answer))
        return story_only(q, speaker)

    patch_everywhere(monkeypatch, "_story_only", counting)
    for rounds in (4, 8, 16):
        read.clear()
        find_qa(_msgs(*_chat(rounds)), "话题讨论", [_TEACHER], _TEACHER)
        assert read, "a question answered by one line is still read for a story"
        assert all(n == 1 for n in read)


def test_a_line_is_read_for_a_notice_only_after_its_speaker_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    inside: list[bool] = []
    told_all, answers_again = pairing._told_all, pairing._answers_again

    def counting(m: structure.Message) -> bool:
        if inside:
            told.append(m.speaker)
        return told_all(m)

    def again(*args: object, **kwargs: object) -> pairing._Open | None:
        inside.append(True)
        try:
            return answers_again(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            inside.pop()

    patch_everywhere(monkeypatch, "_told_all", counting)
    patch_everywhere(monkeypatch, "_answers_again", again)
    find_qa(_msgs(*_chat(8)), "话题讨论", [_TEACHER], _TEACHER)
    assert _TEACHER in told
    assert "阿雅" not in told and "小米" not in told  # (they answered no question: their thanks and 收到 are not read)
