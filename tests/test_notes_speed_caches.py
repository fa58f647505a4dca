"""Round 52 (issue 13, speed): the day of the event under discussion is read once per distinct message list
(:func:`copilot.notes.dates.event_days` is asked it by the structure pass and the grounding). The memo must answer
by the messages' content, never hand out a list a caller can spoil, and change nothing in what the notes say."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import event_days

SAID = datetime(2026, 12, 9, 20, 15)  # a Wednesday evening
CHAT = [("这周六12月12号去白云山徒步，早上8点南门集合", SAID),
        ("收到，我带登山杖", SAID),
        ("明天我先去问问缆车开不开", SAID),
        ("周六12月12号那天天气怎么样？", SAID)]


def test_a_caller_that_edits_its_answer_does_not_change_the_next_one() -> None:
    first = event_days(CHAT)
    assert first == [date(2026, 12, 12)] * 4
    first[:] = [None] * 4  # the grounding or the structure pass may keep and edit its own copy
    assert event_days(list(CHAT)) == [date(2026, 12, 12)] * 4


def test_the_memo_answers_by_content_not_by_length_or_identity() -> None:
    """A list of the same length whose last message names another day more often is another chat."""
    assert event_days(CHAT)[-1] == date(2026, 12, 12)
    moved = [*CHAT[:2], ("改期了：12月19号周六再去，12月19号早上8点南门集合", SAID), ("好的，12月19号见", SAID)]
    assert event_days(moved) == [date(2026, 12, 12), date(2026, 12, 12), date(2026, 12, 19), date(2026, 12, 19)]
    # the same words said a week later: the days counted from the message move with it
    later = [(text, datetime(2026, 12, 16, 20, 15)) for text, _ in CHAT]
    assert event_days(later)[-1] == date(2026, 12, 19)  # 12月12号 is past by then; 周六 is the coming one


def test_an_undated_export_has_no_event_day_and_an_empty_chat_none() -> None:
    assert event_days([("周六去爬山，8点集合", None), ("好", None)]) == [None, None]
    assert event_days([]) == []
