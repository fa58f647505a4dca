"""Round 57 (d00c57): the to-do step reads each message's spoken (Mandarin) form once, and a line's platform check is
made once for the parser and the noise filter.

``reading._spoken`` (a message folded and read in its Mandarin form) is asked by the calls, offers, yeses and
volunteer readers of the to-do step — each message a dozen times; it is now remembered by the text. The platform-line
check (``noise._platform_reason``) is asked by the parser and by the noise filter of the same line. The notes are the
same; only the repeated reading goes.

Every chat line below was written for these tests; none is an eval line.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from chat_lines import chat_lines, chat_structure

from copilot.devtools.patching import patch_everywhere
from copilot.notes import noise, reading


def _clear(cached) -> None:
    getattr(cached, "cache_clear", lambda: None)()  # (no cache before this round: the counts below then fail)


START = datetime(2029, 11, 10, 20, 0)

CHAT = [
    "阿梅|周六的义卖摊位谁来负责搬桌子？",
    "老黄|我来吧，我有车",
    "阿梅|好的老黄，周六早上8点前到社区中心门口",
    "小陈|收到",
    "阿梅|@小陈 价目牌周五前写好发群里",
    "小陈|冇问题，我听日写好",
    "阿梅|大家义卖的东西周五晚上之前交到我家",
]


def test_each_message_is_read_in_its_spoken_form_once(monkeypatch: pytest.MonkeyPatch) -> None:
    read: Counter = Counter()
    real = reading.mandarin

    def counting(folded: str) -> str:
        read[folded] += 1
        return real(folded)

    patch_everywhere(monkeypatch, "mandarin", counting)
    _clear(reading._spoken)
    try:
        found = chat_structure(*CHAT, start=START)
    finally:
        _clear(reading._spoken)
    repeated = {t: n for t, n in read.items() if n > 1}
    assert not repeated, repeated
    owners = {a.owner for a in found.actions}
    assert {"老黄", "小陈"} <= owners, [(a.owner, a.task) for a in found.actions]


def test_the_platform_check_of_a_line_is_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = noise.rules

    def counting():
        asked.append(1)
        return real()

    monkeypatch.setattr(noise, "rules", counting)
    _clear(noise._platform_reason)
    try:
        assert noise.platform_line("你撤回了一条消息")
        before = len(asked)
        assert noise.platform_line("你撤回了一条消息")
        assert len(asked) == before
        assert not noise.platform_line("周六早上8点前到社区中心门口")
        kept, dropped = noise.clean_noise(chat_lines("阿梅|你撤回了一条消息", "老黄|我周六早上8点前到", start=START))
    finally:
        _clear(noise._platform_reason)
    assert [m.text for m in kept] == ["我周六早上8点前到"]
    assert [d.text for d in dropped] == ["你撤回了一条消息"]
