"""Round 75 (d13f75): a clause that gives a work to one member by name with a doing word ("展板让小秦做吧",
"讲义还是老白做", "由阿蓉负责") makes that member the owner of the whole line, the "…发我看看" / "…发群里" after it
included — not the group; the 会 of 会议室 is no "whoever can do it" group."""

from __future__ import annotations

import pytest

from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

HEAD = """[2031-10-06 20:00] 馆长-老贺: 下周六社区图书角开放日，东西这周分一下
[2031-10-06 20:01] 小秦: 好的
"""

GIVEN = HEAD + "[2031-10-06 20:02] 馆长-老贺: {line}\n[2031-10-06 20:03] 小秦: 收到\n"

ROOM = HEAD + """[2031-10-06 20:02] 馆长-老贺: @小秦 会议室的投影仪明天中午前还给行政
[2031-10-06 20:03] 小秦: 好
"""


def _todos(chat: str, name: str) -> list[tuple[str | None, str, str | None]]:
    return [(a.owner, a.task, a.deadline) for a in summarize_offline(parse_text(chat, name)).actions]


@pytest.mark.parametrize("line", [
    "展板让小秦做吧，周四前发我看看",
    "展板还是小秦做，周四前发群里",
    "展板由小秦负责，周四前发群里",
])
def test_a_work_given_by_name_is_that_members_with_its_tail(line: str) -> None:
    todos = _todos(GIVEN.format(line=line), "given.txt")
    assert any(owner == "小秦" and "展板" in task and deadline == "2031-10-09" for owner, task, deadline in todos), todos
    assert not any(owner == "大家" and "展板" in task for owner, task, _ in todos), todos


def test_a_question_whether_a_member_does_it_gives_nothing() -> None:
    chat = HEAD + "[2031-10-06 20:02] 阿芸: 展板还是小秦做？周四前要发群里\n[2031-10-06 20:03] 馆长-老贺: 再商量\n"
    assert not any(owner == "小秦" for owner, _, _ in _todos(chat, "ask.txt"))


def test_a_negated_hand_over_gives_nothing() -> None:
    chat = HEAD + "[2031-10-06 20:02] 馆长-老贺: 展板这次不让小秦做了，周四前我自己发群里\n"
    assert not any(owner == "小秦" for owner, _, _ in _todos(chat, "not.txt"))


def test_the_hui_of_a_meeting_room_is_no_group() -> None:
    todos = _todos(ROOM, "room.txt")
    assert any(owner == "小秦" and "投影仪" in task for owner, task, _ in todos), todos


def test_whoever_wants_it_is_still_the_group() -> None:
    chat = HEAD + "[2031-10-06 20:02] 馆长-老贺: 想来帮忙的，周五前在群里接龙\n"
    assert any(owner == "大家" for owner, _, _ in _todos(chat, "want.txt"))
