"""Round 40 (d13b40): owners from the chat's own roster, and three date readings.

An owner shaped like a name only by 小/老/阿 (小火 of 小火熬) is someone only when the chat treats it as a
person (a speaker, @-mentioned, addressed, named by two people). "下周一下周三" is next Monday and next
Wednesday; a month's day due "…前" long behind the message is next year's; in "20日收齐后21日寄出" the work
is due on its own day. Every chat below was written for these tests (a sauce workshop, a pickle club, a
charity parcel drive).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from copilot.notes.dates import find_deadline
from copilot.notes.model import Message, Transcript
from copilot.notes.owners import introduced
from copilot.notes.structure import analyze

WEDNESDAY = datetime(2026, 11, 18, 20, 0)


def _actions(lines: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    msgs = [Message(id=i + 1, time=WEDNESDAY + timedelta(minutes=i), speaker=who, text=text)
            for i, (who, text) in enumerate(lines)]
    notes = analyze(Transcript(name="chat.txt", messages=msgs, format="wechat"))
    return [(a.owner, a.deadline) for a in notes.actions]


def test_a_cooking_word_is_no_owner() -> None:
    found = _actions([("酱料班阿珍", "明天做蒜蓉辣酱"), ("酱料班阿珍", "小火熬二十分钟，明天下午之前熬好"),
                      ("酱料班阿珍", "小火慢炖两小时，周五前炖好给大家尝"), ("阿梅", "好")])
    assert all(owner != "小火" for owner, _ in found)


def test_the_roster_is_the_chats_own() -> None:
    texts = [("阿珍", "小火熬二十分钟"), ("阿珍", "小周你周五前把瓶子洗好"), ("阿梅", "老何明天来吗"),
             ("阿珍", "老何说他来")]
    assert introduced(texts) == frozenset({"小周", "老何"})


def test_next_monday_then_next_wednesday() -> None:
    monday = datetime(2026, 11, 9, 20, 0)
    due = find_deadline("下周一下周三之前把表交上来", monday)
    assert due is not None and due.iso == "2026-11-18"
    assert find_deadline("拿去修一下周五前拿回来", monday).iso == "2026-11-13"  # type: ignore[union-attr]


def test_a_deadline_long_past_is_next_years() -> None:
    november = datetime(2026, 11, 9, 20, 0)
    assert find_deadline("9月中旬之前要把报名材料交给我", november).iso == "2027-09-15"  # type: ignore[union-attr]
    assert find_deadline("10月底前交", datetime(2026, 11, 3, 9, 0)).iso == "2026-10-31"  # type: ignore[union-attr]


def test_the_work_is_due_on_its_own_day() -> None:
    due = find_deadline("包裹20日收齐后21日寄出", datetime(2026, 11, 12, 18, 0))
    assert due is not None and due.iso == "2026-11-21"
