"""Round 62 (issue 13, speed on long exports): :func:`copilot.notes.noise._addressed` (participants another member
names in a plain line) joins each speaker's lines once and looks each participant up per other speaker, so the number
of name look-ups does not grow with the length of the chat; who counts as addressed is unchanged."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from copilot.notes import noise
from copilot.notes.model import Message

LINES = [("群主阿芳", "保单截图发给小周，她统一核对"),
         ("小周", "收到，我今晚统计一下报名人数"),
         ("老陈", "小周统计报名，名单周五前发群里"),
         ("阿芳", "下周三晚上八点开会，大家记得带笔记本"),
         ("老陈", "我明天去社区中心借投影仪")]


def _chat(rounds: int) -> list[Message]:
    start = datetime(2026, 12, 1, 19, 0)
    out = []
    for r in range(rounds):
        for who, text in LINES:
            out.append(Message(id=len(out) + 1, time=start + timedelta(minutes=len(out)), speaker=who,
                               text=f"第{r + 1}周：{text}"))
    return out


def _addressed(messages: list[Message]) -> set[str]:
    return noise._addressed(messages, {m.id: None for m in messages}, {m.speaker for m in messages})


def test_the_member_others_hand_work_to_is_addressed_and_nobody_else() -> None:
    assert _addressed(_chat(1)) == {"小周"}


def test_naming_yourself_or_asking_about_someone_does_not_address_them() -> None:
    start = datetime(2026, 12, 1, 9, 0)
    chat = [Message(id=1, time=start, speaker="小周", text="小周今天请假，报名表明天再统计"),
            Message(id=2, time=start, speaker="老陈", text="老陈这个链接是广告吗？"),
            Message(id=3, time=start, speaker="阿芳", text="我把签到表放在前台了")]
    assert _addressed(chat) == set()


def test_name_look_ups_do_not_grow_with_the_length_of_the_chat(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    named = noise._named

    def counting(speaker: str, folded: str) -> bool:
        nonlocal calls
        calls += 1
        return named(speaker, folded)

    monkeypatch.setattr(noise, "_named", counting)
    counts = []
    for rounds in (40, 80, 160):
        calls = 0
        assert _addressed(_chat(rounds)) == {"小周"}
        counts.append(calls)
    # one look-up per participant and other speaker at most (4 × 3), however many weeks of lines there are
    assert counts[0] == counts[1] == counts[2] <= 12
