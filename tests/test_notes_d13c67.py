"""Leaked noise split by kind, by whether its message was dropped and by the section it shows in (``leak/…`` and
``leak_in/…`` of ``copilot eval notes --why``), counted without its text.

The chat (a five-a-side football group fixing Saturday's friendly) is written for this test; the notes are written by
hand so that each leak shows in a known section.
"""

from __future__ import annotations

import json

import pytest

from copilot.evals import notes as ev
from copilot.notes.model import KeyPoint, Notes, Quote
from copilot.notes.parse import parse_text

CHAT = """[2026-04-08 20:00] 阿峰: 周六友谊赛下午3点开踢，在体育公园五号场
[2026-04-08 20:01] 小黑: 我家狗昨晚把沙发咬烂了，气死我了
[2026-04-08 20:02] 老K: [红包]恭喜发财，大吉大利
[2026-04-08 20:03] 阿峰: 更正一下，场地只能订到上午，改到上午10点开踢
[2026-04-08 20:04] 小黑: 收到，我带球衣
"""

SPEC = {
    "format": "wechat-inline", "script": "zh-Hans", "date": "2026-04-08", "session_type": "话题讨论",
    "key_facts": [["五号场"]],
    "must_not": ["下午3点", "沙发咬烂", "恭喜发财", "球队解散"],
}


@pytest.fixture
def transcript():  # type: ignore[no-untyped-def]
    return parse_text(CHAT, "football.txt")


def _notes() -> Notes:
    return Notes(
        title="周六友谊赛改到上午10点", date="2026-04-08", session_type="话题讨论",
        summary="周六友谊赛下午3点开踢，在体育公园五号场。",
        key_points=[KeyPoint(text="小黑家的狗把沙发咬烂了", sources=[2], speaker="小黑"),
                    KeyPoint(text="有人说球队解散", sources=[5], speaker="小黑")],
        quotes=[Quote(text="恭喜发财，大吉大利", speaker="老K", sources=[3])],
    )


def test_each_leak_gets_its_kind_state_and_sections(transcript) -> None:  # type: ignore[no-untyped-def]
    s = ev.score_notes(_notes(), transcript, ev.ChatSpec.model_validate(SPEC))
    assert sorted(s.leaked) == sorted(SPEC["must_not"])
    leaks = {k: v for k, v in s.why.items() if k.startswith("leak")}
    assert leaks["leak/stale_kept"] == 1            # 下午3点: the later 更正…改到 changes it
    assert leaks["leak/red_packet_dropped"] == 1    # 恭喜发财: its line was dropped, the quote brought it back
    assert leaks["leak/chatter_unsure_absent"] == 1  # 球队解散: in no message at all
    assert sum(v for k, v in leaks.items() if k.startswith("leak/chatter_") and k.endswith("_kept")) == 1  # 沙发咬烂
    assert sum(v for k, v in leaks.items() if k.startswith("leak/")) == 4
    assert leaks["leak_in/summary"] == 1 and leaks["leak_in/points"] == 2 and leaks["leak_in/quotes"] == 1
    assert set(s.why) <= set(ev.WHY_LABELS)


def test_leak_split_pools_without_text(transcript) -> None:  # type: ignore[no-untyped-def]
    spec = ev.ChatSpec.model_validate(SPEC)
    why = ev.aggregate([ev.score_notes(_notes(), transcript, spec, "a.txt") for _ in range(2)])["why"]
    assert why["leak/stale_kept"] == 2 and why["leak_in/quotes"] == 2
    shown = json.dumps(why, ensure_ascii=False)
    assert "沙发" not in shown and "恭喜发财" not in shown and "a.txt" not in shown


def test_a_leak_struck_as_changed_is_not_counted(transcript) -> None:  # type: ignore[no-untyped-def]
    notes = _notes().model_copy(update={"summary": "周六友谊赛下午3点开踢（已改：上午10点），在体育公园五号场。"})
    s = ev.score_notes(notes, transcript, ev.ChatSpec.model_validate(SPEC))
    assert "下午3点" not in s.leaked and "leak/stale_kept" not in s.why and "leak_in/summary" not in s.why


def test_a_changed_weekday_deadline_without_digits_is_stale() -> None:
    chat = ("[2026-04-08 20:00] 阿峰: 球衣尺码周三前报给我\n"
            "[2026-04-08 20:05] 阿峰: 厂家催得急，尺码改到周二前报\n")
    notes = Notes(title="球衣尺码", date="2026-04-08", summary="阿峰：球衣尺码周三前报给我。")
    spec = ev.ChatSpec.model_validate({**SPEC, "key_facts": [], "must_not": ["周三前报给我"]})
    s = ev.score_notes(notes, parse_text(chat, "kit.txt"), spec)
    assert s.why["leak/stale_kept"] == 1 and s.why["leak_in/summary"] == 1
